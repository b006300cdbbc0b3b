using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// A training job as stored: the row is the truth, Hangfire only executes it. Status changes go through the
/// methods below, which check <see cref="JobTransitions"/>, so no caller can make an illegal move.
/// </summary>
public sealed record TrainingJob(
    JobId Id,
    TenantId TenantId,
    JobSpec Spec,
    JobStatus Status,
    int Attempt,
    bool CancelRequested,
    JobProgress Progress,
    string? Error,
    ModelVersionRef? Result,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? HeartbeatAt)
{
    public static TrainingJob Create(TenantId tenant, JobSpec spec, DateTimeOffset now) =>
        new(JobId.New(), tenant, spec, JobStatus.Queued, 0, false, JobProgress.Queued, null, null, now, null, null, null);

    public bool IsFinal => JobTransitions.IsFinal(Status);

    /// <summary>Claimed by a worker: a new attempt starts.</summary>
    public TrainingJob Start(DateTimeOffset now) => MoveTo(JobStatus.Running) with
    {
        Attempt = Attempt + 1,
        StartedAt = now,
        HeartbeatAt = now,
        Progress = JobProgress.Queued.In(JobPhase.Starting),
        Error = null,
    };

    public TrainingJob Succeed(DateTimeOffset now, ModelVersionRef result) =>
        MoveTo(JobStatus.Succeeded) with { FinishedAt = now, Result = result, Progress = Progress.In(JobPhase.Done) };

    public TrainingJob Fail(DateTimeOffset now, string error) =>
        MoveTo(JobStatus.Failed) with { FinishedAt = now, Error = error, Progress = Progress.In(JobPhase.Failed) };

    public TrainingJob Cancel(DateTimeOffset now) =>
        MoveTo(JobStatus.Cancelled) with { FinishedAt = now, Progress = Progress.In(JobPhase.Cancelled) };

    /// <summary>Its worker died: back to the queue, to run again from the start.</summary>
    public TrainingJob Requeue() =>
        MoveTo(JobStatus.Queued) with { HeartbeatAt = null, Progress = JobProgress.Queued };

    private TrainingJob MoveTo(JobStatus to)
    {
        JobTransitions.EnsureAllowed(Id, Status, to);
        return this with { Status = to };
    }
}
