namespace AutoMLPlatform.Client.Access;

/// <summary>A tenant: a team whose data, models and keys nobody else sees.</summary>
public sealed record Tenant(TenantId Id, string Name, DateTimeOffset CreatedAt);
