using System.Collections.Concurrent;
using AutoMLPlatform.Core.Security;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Keys;

/// <summary>
/// Turns a presented key into its caller. Valid keys are remembered for <see cref="SecurityOptions.KeyCacheDuration"/>
/// (one second), so the hot path costs one SHA-256 and a dictionary lookup, and a revoked or expired key stops working
/// within that second in every process. Unknown keys are never remembered: a flood of random keys cannot grow the cache.
/// </summary>
public sealed class ApiKeyValidator(IApiKeyStore keys, TimeProvider time, IOptions<SecurityOptions> options)
{
    private readonly ConcurrentDictionary<string, (ApiCaller Caller, long ValidUntil, DateTimeOffset? ExpiresAt)> _recent = new(StringComparer.Ordinal);

    public async ValueTask<ApiCaller?> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFactory.IsWellFormed(presented))
        {
            return null;
        }

        var hash = ApiKeyFactory.Hash(presented);
        var now = time.GetTimestamp();
        if (_recent.TryGetValue(hash, out var known) && now < known.ValidUntil && (known.ExpiresAt is null || known.ExpiresAt > time.GetUtcNow()))
        {
            return known.Caller;
        }

        var key = await keys.FindByHashAsync(hash, cancellationToken).ConfigureAwait(false);
        if (key is null || !key.IsActive(time.GetUtcNow()))
        {
            _recent.TryRemove(hash, out _);
            return null;
        }

        var caller = new ApiCaller(key.Id, key.TenantId, ApiScopeNames.Effective(key.Scopes));
        var validUntil = now + (long)(options.Value.KeyCacheDuration.TotalSeconds * time.TimestampFrequency);
        _recent[hash] = (caller, validUntil, key.ExpiresAt);
        return caller;
    }
}
