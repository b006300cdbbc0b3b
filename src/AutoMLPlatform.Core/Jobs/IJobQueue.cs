namespace AutoMLPlatform.Core.Jobs;

/// <summary>Hands a stored job to whatever executes jobs (Hangfire). Only the id travels: the job row is the truth.</summary>
public interface IJobQueue
{
    Task EnqueueAsync(JobId id, CancellationToken cancellationToken);
}
