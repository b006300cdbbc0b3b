namespace AutoMLPlatform.Core.Jobs;

/// <summary>Hands one part of a fanned-out job's search to whatever executes jobs (Hangfire), for any free worker.</summary>
public interface IJobPartQueue
{
    Task EnqueueAsync(JobId id, int attempt, int part, CancellationToken cancellationToken);
}
