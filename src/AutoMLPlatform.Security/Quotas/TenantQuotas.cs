using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Quotas;

/// <summary>
/// Checks a tenant's stored bytes and active jobs against <see cref="SecurityOptions"/> before something new is
/// stored or queued, so a refusal (429) changes nothing. These checks answer early; the stores check again, atomically,
/// in the transaction that writes (<see cref="ITenantLimits"/>).
/// </summary>
public sealed class TenantQuotas(ITenantUsage usage, IOptions<SecurityOptions> options) : ITenantLimits
{
    /// <summary>What the caller is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public long MaxStoredBytes(TenantId tenant) => options.Value.MaxStoredBytesPerTenant;

    public int MaxActiveJobs(TenantId tenant) => options.Value.MaxActiveJobsPerTenant;

    public async Task EnsureRoomForAsync(TenantId tenant, long newBytes, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxStoredBytesPerTenant;
        var used = await usage.StoredBytesAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (used + newBytes > limit)
        {
            throw new LimitExceededException(TenancyErrorCodes.StorageQuota, $"This would store {used + newBytes} bytes; the tenant's quota is {limit}. Delete datasets or models first.", RetryAfter);
        }
    }
}
