using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Security;

/// <summary>
/// Hands out each tenant's <see cref="IKeyedHasher"/>. Training asks for it to hash the columns a dataset marks for
/// hashing; whoever loads a model that reads such columns asks for it to hash requests the same way. The key never
/// leaves the implementation (Security derives it from the tenant's data key).
/// </summary>
public interface IKeyedHasherSource
{
    /// <summary>The tenant's hasher; throws a not-found error when the tenant, and so its key, is gone.</summary>
    Task<IKeyedHasher> ForTenantAsync(TenantId tenant, CancellationToken cancellationToken);
}
