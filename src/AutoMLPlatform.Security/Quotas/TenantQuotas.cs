using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Quotas;

/// <summary>
/// Checks a tenant's stored bytes and active jobs against <see cref="SecurityOptions"/> before something new is
/// stored or queued, so a refusal (429) changes nothing.
/// </summary>
public sealed class TenantQuotas(ITenantUsage usage, IOptions<SecurityOptions> options)
{
    /// <summary>What the caller is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public async Task EnsureRoomForAsync(TenantId tenant, long newBytes, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxStoredBytesPerTenant;
        var used = await usage.StoredBytesAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (used + newBytes > limit)
        {
            throw new LimitExceededException("storage-quota", $"This would store {used + newBytes} bytes; the tenant's quota is {limit}. Delete datasets or models first.", RetryAfter);
        }
    }

    public async Task EnsureJobSlotAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxActiveJobsPerTenant;
        if (await usage.ActiveJobsAsync(tenant, cancellationToken).ConfigureAwait(false) >= limit)
        {
            throw new LimitExceededException("job-quota", $"The tenant already has {limit} jobs queued or running; wait for one to end.", RetryAfter);
        }
    }
}
