namespace AutoMLPlatform.Client.Jobs;

/// <summary>Where a job is in its life: queued → running → succeeded, failed or cancelled.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
