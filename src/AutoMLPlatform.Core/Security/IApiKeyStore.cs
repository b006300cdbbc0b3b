using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Security;

/// <summary>Stored API keys, found by the hash of the key a request presents.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a key; false when a key with the same hash exists (two processes bootstrapping the same key).</summary>
    Task<bool> TryCreateAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindByHashAsync(string sha256, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>Revokes the tenant's key; false if it has no such key.</summary>
    Task<bool> RevokeAsync(TenantId tenant, ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the tenant's key unless it is the tenant's last active (unrevoked, unexpired at <paramref name="at"/>) key
    /// with the admin scope; atomic against concurrent revocations, so two admins revoking each other cannot both win.
    /// </summary>
    Task<KeyRevocation> RevokeKeepingAnAdminAsync(TenantId tenant, ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True once any key exists: bootstrap runs only on an empty store.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
