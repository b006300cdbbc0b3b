using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// Each tenant's <see cref="KeyedHasher"/>, keyed from the tenant's data key (<see cref="KeyedHasher.FromDataKey"/>).
/// A deleted tenant's data key is destroyed, so asking for its hasher fails (not found) rather than hash under a new key.
/// </summary>
internal sealed class TenantKeyedHashers(TenantKeyRing keyRing) : IKeyedHasherSource
{
    public async Task<IKeyedHasher> ForTenantAsync(TenantId tenant, CancellationToken cancellationToken) =>
        KeyedHasher.FromDataKey(await keyRing.GetAsync(tenant, cancellationToken).ConfigureAwait(false));
}
