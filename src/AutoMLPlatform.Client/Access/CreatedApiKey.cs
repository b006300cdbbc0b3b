namespace AutoMLPlatform.Client.Access;

/// <summary>A key just created. <paramref name="Key"/> is shown this once: store it now.</summary>
public sealed record CreatedApiKey(ApiKeyId Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, string Key);
