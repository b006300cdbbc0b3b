using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Storage.Tests.Tenancy;

/// <summary>Quotas as a test sets them: the same for every tenant.</summary>
internal sealed class FixedLimits(long maxStoredBytes = long.MaxValue, int maxActiveJobs = int.MaxValue) : ITenantLimits
{
    /// <summary>No quota at all, for tests about something else.</summary>
    public static readonly FixedLimits None = new();

    public long MaxStoredBytes(TenantId tenant) => maxStoredBytes;

    public int MaxActiveJobs(TenantId tenant) => maxActiveJobs;
}
