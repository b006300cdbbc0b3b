namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>When a leased row's worker counts as dead: silent for the lease timeout (<see cref="JobsOptions.LeaseTimeout"/>).</summary>
internal static class LeaseExpiry
{
    public static bool IsExpired(DateTimeOffset lastSign, DateTimeOffset now, TimeSpan leaseTimeout) => now - lastSign >= leaseTimeout;
}
