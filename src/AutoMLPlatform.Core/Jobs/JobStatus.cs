namespace AutoMLPlatform.Core.Jobs;

/// <summary>Where a training job is in its life. The allowed moves are in <see cref="JobTransitions"/>.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
