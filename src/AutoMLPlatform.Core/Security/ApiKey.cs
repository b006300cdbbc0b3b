using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Security;

/// <summary>An API key as stored: never the key itself, only its SHA-256 hash.</summary>
public sealed record ApiKey(
    ApiKeyId Id,
    TenantId TenantId,
    string Name,
    ApiScopes Scopes,
    string Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Usable at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
