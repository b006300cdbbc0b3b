namespace AutoMLPlatform.Client.Access;

/// <summary>A key as listed: its name, scopes and dates, never the key itself.</summary>
public sealed record ApiKey(ApiKeyId Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
