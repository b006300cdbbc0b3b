namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// Hands a stored job to whatever executes jobs (Hangfire), waiting out an outage of the queue's storage until cancelled.
/// Only the id travels: the job row is the truth.
/// </summary>
public interface IJobQueue
{
    Task EnqueueAsync(JobId id, CancellationToken cancellationToken);

    /// <summary>
    /// The jobs whose delivery is waiting in the queue or being run: a queued job missing here has lost its delivery.
    /// </summary>
    Task<IReadOnlySet<JobId>> ListPendingAsync(CancellationToken cancellationToken);
}
