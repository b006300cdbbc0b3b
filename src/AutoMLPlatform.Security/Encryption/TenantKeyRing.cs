using System.Collections.Concurrent;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// The open data keys of tenants, unwrapped once and kept in memory; a tenant's key is made on its first use. When
/// two processes make a first key at once, the store keeps one and both use it.
/// </summary>
public sealed class TenantKeyRing(ITenantStore tenants, MasterKey master)
{
    private readonly ConcurrentDictionary<TenantId, byte[]> _keys = new();

    public MasterKey Master => master;

    public async Task<byte[]> GetAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(tenant, out var key))
        {
            return key;
        }

        var wrapped = await tenants.FindDataKeyAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (wrapped is null)
        {
            if (await tenants.FindAsync(tenant, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new TenantGoneException(tenant);
            }

            var fresh = DataKeyWrapper.NewDataKey();
            if (!await tenants.TryAddDataKeyAsync(tenant, DataKeyWrapper.Wrap(fresh, tenant, master), cancellationToken).ConfigureAwait(false))
            {
                wrapped = await tenants.FindDataKeyAsync(tenant, cancellationToken).ConfigureAwait(false) ?? throw new TenantGoneException(tenant);
                fresh = DataKeyWrapper.Unwrap(wrapped, tenant, master);
            }

            return _keys.GetOrAdd(tenant, fresh);
        }

        return _keys.GetOrAdd(tenant, DataKeyWrapper.Unwrap(wrapped, tenant, master));
    }

    /// <summary>Forgets a tenant's key (after the tenant was deleted).</summary>
    public void Forget(TenantId tenant) => _keys.TryRemove(tenant, out _);

    /// <summary>Checks every stored data key opens with the master key: a wrong key stops start-up here, not on a read.</summary>
    public async Task VerifyAllAsync(CancellationToken cancellationToken)
    {
        foreach (var (tenant, wrapped) in await tenants.ListDataKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            _keys.TryAdd(tenant, DataKeyWrapper.Unwrap(wrapped, tenant, master));
        }
    }

    /// <summary>Re-wraps every data key under <paramref name="next"/>; the blobs are not touched.</summary>
    public static async Task<int> RewrapAllAsync(ITenantStore tenants, MasterKey current, MasterKey next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        var count = 0;
        foreach (var (tenant, wrapped) in await tenants.ListDataKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            if (wrapped.MasterKeyId == next.Id)
            {
                continue; // already re-wrapped by an earlier, interrupted rotation
            }

            var dataKey = DataKeyWrapper.Unwrap(wrapped, tenant, current);
            await tenants.ReplaceDataKeyAsync(tenant, DataKeyWrapper.Wrap(dataKey, tenant, next), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
