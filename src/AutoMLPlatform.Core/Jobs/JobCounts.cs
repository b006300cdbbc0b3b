namespace AutoMLPlatform.Core.Jobs;

/// <summary>How many jobs are waiting, running and recently failed, over every tenant: the platform's job gauges.</summary>
/// <param name="Queued">Jobs waiting for a worker.</param>
/// <param name="Running">Jobs a worker has claimed.</param>
/// <param name="RecentlyFailed">Jobs that failed since the time the caller asked about.</param>
public sealed record JobCounts(long Queued, long Running, long RecentlyFailed);
