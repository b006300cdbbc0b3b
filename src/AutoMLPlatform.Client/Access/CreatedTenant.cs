namespace AutoMLPlatform.Client.Access;

/// <summary>A tenant just created, with its first admin key (shown this once).</summary>
public sealed record CreatedTenant(TenantId Id, string Name, CreatedApiKey AdminKey);
