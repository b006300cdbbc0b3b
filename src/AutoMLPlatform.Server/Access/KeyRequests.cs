using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Server.Access;

/// <summary>The body of <c>POST /api/keys</c>: a name, scopes (admin, train, predict, read, feedback) and an optional expiry.</summary>
public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>The body of <c>POST /api/tenants</c>.</summary>
public sealed record CreateTenantRequest(string? Name);

/// <summary>A key as listed: never the key itself.</summary>
public sealed record KeyResponse(ApiKeyId Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static KeyResponse From(ApiKey key) => new(key.Id, key.Name, ApiScopeNames.Names(key.Scopes), key.CreatedAt, key.ExpiresAt, key.RevokedAt);
}

/// <summary>A key just created: the only time the key itself is shown.</summary>
public sealed record CreatedKeyResponse(ApiKeyId Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, string Key);

/// <summary>A tenant just created, with its first admin key (shown once).</summary>
public sealed record CreatedTenantResponse(Core.Tenancy.TenantId Id, string Name, CreatedKeyResponse AdminKey);
