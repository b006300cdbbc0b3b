namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// The parts of fanned-out jobs. Every status change is a compare-and-set, so a part is searched by one worker at a time
/// and a part the job went on without cannot succeed afterwards.
/// </summary>
public interface IJobPartStore
{
    /// <summary>Creates parts 0 to <paramref name="count"/> − 1 of an attempt, queued; parts that exist are left as they are.</summary>
    Task CreateAsync(JobId jobId, int attempt, int count, CancellationToken cancellationToken);

    /// <summary>The attempt's parts by index.</summary>
    Task<IReadOnlyList<JobPart>> ListAsync(JobId jobId, int attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Queued → running by <paramref name="worker"/>, with a first heartbeat; false when another worker claimed it or the job
    /// went on without it.
    /// </summary>
    Task<bool> TryClaimAsync(JobId jobId, int attempt, int index, string worker, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Writes a running part's heartbeat; false when the part is no longer running.</summary>
    Task<bool> TryHeartbeatAsync(JobId jobId, int attempt, int index, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Running → succeeded with its outcome, or failed with an error; false when the part is no longer running.</summary>
    Task<bool> TryFinishAsync(JobPart finished, CancellationToken cancellationToken);

    /// <summary>
    /// Queued or running → abandoned, when it is still in <paramref name="expected"/>; false when it moved on meanwhile.
    /// </summary>
    Task<bool> TryAbandonAsync(JobId jobId, int attempt, int index, JobPartStatus expected, string reason, CancellationToken cancellationToken);
}
