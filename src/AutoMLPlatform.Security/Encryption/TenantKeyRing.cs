using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// The open data keys of tenants, unwrapped once and kept in memory; a tenant's key is made on its first use. When
/// two processes make a first key at once, the store keeps one and both use it. A deleted tenant's key is forgotten
/// by every process within <see cref="SecurityOptions.DataKeyRecheckInterval"/>: a key is used from memory only for
/// that long after the store last confirmed it, and <see cref="TenantKeySweep"/> drops (and zeroes) the keys of tenants
/// deleted meanwhile even when nothing asks for them.
/// </summary>
public sealed class TenantKeyRing
{
    private readonly ConcurrentDictionary<TenantId, Entry> _keys = new();
    private readonly ITenantStore _tenants;
    private readonly TimeProvider _time;
    private readonly long _recheckTicks;

    public TenantKeyRing(ITenantStore tenants, MasterKey master)
        : this(tenants, master, TimeProvider.System, Options.Create(new SecurityOptions()))
    {
    }

    public TenantKeyRing(ITenantStore tenants, MasterKey master, TimeProvider time, IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _tenants = tenants;
        Master = master;
        _time = time;
        _recheckTicks = (long)(options.Value.DataKeyRecheckInterval.TotalSeconds * time.TimestampFrequency);
    }

    public MasterKey Master { get; }

    /// <summary>The tenants whose keys this process holds now.</summary>
    public IReadOnlyCollection<TenantId> Held => _keys.Keys.ToArray();

    public async Task<byte[]> GetAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (_keys.TryGetValue(tenant, out var held) && now < held.CheckedAt + _recheckTicks)
        {
            return held.Key;
        }

        WrappedDataKey? wrapped;
        try
        {
            wrapped = await _tenants.FindDataKeyAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException) when (held is not null)
        {
            // The store is away for a moment (a restart): the key it confirmed last stays in use until it answers.
            return held.Key;
        }

        if (wrapped is null)
        {
            if (await _tenants.FindAsync(tenant, cancellationToken).ConfigureAwait(false) is null)
            {
                Forget(tenant);
                throw new TenantGoneException(tenant);
            }

            var fresh = DataKeyWrapper.NewDataKey();
            if (!await _tenants.TryAddDataKeyAsync(tenant, DataKeyWrapper.Wrap(fresh, tenant, Master), cancellationToken).ConfigureAwait(false))
            {
                wrapped = await _tenants.FindDataKeyAsync(tenant, cancellationToken).ConfigureAwait(false) ?? throw new TenantGoneException(tenant);
                fresh = DataKeyWrapper.Unwrap(wrapped, tenant, Master);
            }

            return Remember(tenant, fresh, now);
        }

        return held is not null ? Remember(tenant, held.Key, now) : Remember(tenant, DataKeyWrapper.Unwrap(wrapped, tenant, Master), now);
    }

    /// <summary>Forgets a tenant's key (after the tenant was deleted) and overwrites it in memory.</summary>
    public void Forget(TenantId tenant)
    {
        if (_keys.TryRemove(tenant, out var entry))
        {
            CryptographicOperations.ZeroMemory(entry.Key);
        }
    }

    /// <summary>
    /// Asks the store about every held key: forgets those of deleted tenants (returned) and stamps the others confirmed,
    /// so that <see cref="GetAsync"/> rarely waits for the store on a request's path.
    /// </summary>
    public async Task<IReadOnlyList<TenantId>> ForgetDeletedAsync(CancellationToken cancellationToken)
    {
        var forgotten = new List<TenantId>();
        foreach (var (tenant, entry) in _keys.ToArray())
        {
            var now = _time.GetTimestamp();
            if (await _tenants.FindDataKeyAsync(tenant, cancellationToken).ConfigureAwait(false) is null)
            {
                Forget(tenant);
                forgotten.Add(tenant);
            }
            else
            {
                _keys.TryUpdate(tenant, entry with { CheckedAt = now }, entry);
            }
        }

        return forgotten;
    }

    /// <summary>Checks every stored data key opens with the master key: a wrong key stops start-up here, not on a read.</summary>
    public async Task VerifyAllAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        foreach (var (tenant, wrapped) in await _tenants.ListDataKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            _keys.TryAdd(tenant, new Entry(DataKeyWrapper.Unwrap(wrapped, tenant, Master), now));
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

    /// <summary>Keeps the first key stored for the tenant (two callers may unwrap at once) and stamps when it was confirmed.</summary>
    private byte[] Remember(TenantId tenant, byte[] key, long now) =>
        _keys.AddOrUpdate(tenant, new Entry(key, now), (_, existing) => existing with { CheckedAt = now }).Key;

    private sealed record Entry(byte[] Key, long CheckedAt);
}
