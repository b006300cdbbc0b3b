using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.FanOut;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// Parts of fanned-out jobs as leased rows. A part's compare-and-set is on its status alone (its attempt is the job's,
/// part of its key). Its work should stop when the job itself moved on: cancelled, finished, or requeued to a new attempt
/// whose own parts replace this one. A part whose worker goes silent is given up by the worker that holds the job.
/// </summary>
internal sealed class JobPartRows(IJobPartStore parts, IJobStore jobs) : ILeasedRows<JobPart>
{
    public Task<bool> TryWriteAsync(JobPart updated, JobPart held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(held);
        return (held.Status, updated.Status) switch
        {
            (JobPartStatus.Queued, JobPartStatus.Running) =>
                parts.TryClaimAsync(held.JobId, held.Attempt, held.Index, updated.Worker!, updated.HeartbeatAt!.Value, cancellationToken),
            (JobPartStatus.Running, JobPartStatus.Running) =>
                parts.TryHeartbeatAsync(held.JobId, held.Attempt, held.Index, updated.HeartbeatAt!.Value, cancellationToken),
            (JobPartStatus.Running, JobPartStatus.Succeeded or JobPartStatus.Failed) => parts.TryFinishAsync(updated, cancellationToken),
            (JobPartStatus.Queued or JobPartStatus.Running, JobPartStatus.Abandoned) =>
                parts.TryAbandonAsync(held.JobId, held.Attempt, held.Index, held.Status, updated.Error ?? "", cancellationToken),
            _ => throw new InvalidOperationException($"Part {held.Index} of job {held.JobId} cannot move from {held.Status} to {updated.Status}."),
        };
    }

    public bool IsRunning(JobPart row) => row?.Status == JobPartStatus.Running;

    public JobPart Start(JobPart queued, DateTimeOffset now) =>
        queued with { Status = JobPartStatus.Running, Worker = WorkerIdentity.Current, HeartbeatAt = now };

    public JobPart Beat(JobPart held, DateTimeOffset now) => held with { HeartbeatAt = now };

    public async Task<string?> StopRequestAsync(JobPart held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var job = await jobs.FindAnyAsync(held.JobId, cancellationToken).ConfigureAwait(false);
        if (job is { CancelRequested: true })
        {
            return "the job was cancelled";
        }

        return job is null || job.Status != JobStatus.Running || job.Attempt != held.Attempt ? "the job is no longer running this attempt" : null;
    }
}
