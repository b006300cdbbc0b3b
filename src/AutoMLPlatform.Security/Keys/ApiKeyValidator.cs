using System.Collections.Concurrent;
using AutoMLPlatform.Core.Security;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Keys;

/// <summary>
/// Turns a presented key into its caller. A key found valid is remembered for <see cref="SecurityOptions.KeyCacheDuration"/>
/// (one second) under the presented key itself, so the hot path (<see cref="TryGetCached"/>) is one dictionary lookup
/// on the characters as sent: no SHA-256, no allocation. After that second the key is looked up in the store again,
/// so a revoked or expired key stops working within it in every process. Unknown keys are never remembered: a flood of
/// random keys cannot grow the cache, and a key answers as fast as any other unknown key until it was once valid.
/// </summary>
/// <remarks>
/// Every answer is the same <see cref="ApiCaller"/> instance while its entry lives, so callers may key per-caller work
/// (a prebuilt principal) on it. Entries past their second are swept on the next store lookup, so a key that is no
/// longer sent does not stay in memory.
/// </remarks>
public sealed class ApiKeyValidator
{
    private readonly IApiKeyStore _keys;
    private readonly TimeProvider _time;
    private readonly long _cacheTicks;
    private readonly ConcurrentDictionary<string, Entry> _recent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _recentBySpan;
    private long _nextSweep;

    public ApiKeyValidator(IApiKeyStore keys, TimeProvider time, IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _time = time;
        _cacheTicks = (long)(options.Value.KeyCacheDuration.TotalSeconds * time.TimestampFrequency);
        _recentBySpan = _recent.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The caller of a key validated within the last <see cref="SecurityOptions.KeyCacheDuration"/>; false otherwise.</summary>
    public bool TryGetCached(ReadOnlySpan<char> presented, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApiCaller? caller)
    {
        if (_recentBySpan.TryGetValue(presented, out var known) && known.IsFresh(_time))
        {
            caller = known.Caller;
            return true;
        }

        caller = null;
        return false;
    }

    /// <summary>The key's caller, from the cache or else the store (by the key's SHA-256); null when unknown, revoked or expired.</summary>
    public async ValueTask<ApiCaller?> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFactory.IsWellFormed(presented))
        {
            return null;
        }

        if (TryGetCached(presented, out var cached))
        {
            return cached;
        }

        var now = _time.GetTimestamp();
        SweepExpired(now);
        var key = await _keys.FindByHashAsync(ApiKeyFactory.Hash(presented), cancellationToken).ConfigureAwait(false);
        if (key is null || !key.IsActive(_time.GetUtcNow()))
        {
            _recent.TryRemove(presented, out _);
            return null;
        }

        var caller = new ApiCaller(key.Id, key.TenantId, ApiScopeNames.Effective(key.Scopes));
        _recent[presented] = new Entry(caller, now + _cacheTicks, key.ExpiresAt);
        return caller;
    }

    /// <summary>
    /// Forgets every cached key of <paramref name="tenant"/> (deleted): this process refuses them at once, the others
    /// within <see cref="SecurityOptions.KeyCacheDuration"/>, when they look the revoked keys up again.
    /// </summary>
    public void ForgetTenant(Core.Tenancy.TenantId tenant)
    {
        foreach (var (presented, entry) in _recent)
        {
            if (entry.Caller.Tenant == tenant)
            {
                _recent.TryRemove(new KeyValuePair<string, Entry>(presented, entry));
            }
        }
    }

    /// <summary>Drops entries past their second, at most once per cache duration.</summary>
    private void SweepExpired(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _cacheTicks, due) != due)
        {
            return;
        }

        foreach (var (presented, entry) in _recent)
        {
            if (now >= entry.ValidUntil)
            {
                _recent.TryRemove(new KeyValuePair<string, Entry>(presented, entry));
            }
        }
    }

    private sealed record Entry(ApiCaller Caller, long ValidUntil, DateTimeOffset? ExpiresAt)
    {
        public bool IsFresh(TimeProvider time) => time.GetTimestamp() < ValidUntil && (ExpiresAt is null || ExpiresAt > time.GetUtcNow());
    }
}
