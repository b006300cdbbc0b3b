namespace AutoMLPlatform.Core.Jobs;

/// <summary>One part of a fanned-out job's search (see <see cref="JobSpec.Parallelism"/>), belonging to one attempt of the job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The job's attempt that created it; a requeued job fans out again with new parts.</param>
/// <param name="Index">0 to parallelism − 1; part 0 runs in the worker that holds the job.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Worker">The worker process that claimed it (<c>machine:process id</c>), once claimed.</param>
/// <param name="HeartbeatAt">When its worker last said it was alive.</param>
/// <param name="Outcome">Its best model, once it succeeded.</param>
/// <param name="Error">Why it failed or was abandoned.</param>
public sealed record JobPart(
    JobId JobId,
    int Attempt,
    int Index,
    JobPartStatus Status,
    string? Worker,
    DateTimeOffset? HeartbeatAt,
    JobPartOutcome? Outcome,
    string? Error)
{
    /// <summary>A part as created, waiting for a worker to claim it.</summary>
    public static JobPart Queued(JobId jobId, int attempt, int index) =>
        new(jobId, attempt, index, JobPartStatus.Queued, null, null, null, null);

    /// <summary>A part that ended with <paramref name="outcome"/>, for <see cref="IJobPartStore.TryFinishAsync"/>.</summary>
    public static JobPart Succeeded(JobId jobId, int attempt, int index, JobPartOutcome outcome) =>
        new(jobId, attempt, index, JobPartStatus.Succeeded, null, null, outcome, null);

    /// <summary>A part that ended without a model, for <see cref="IJobPartStore.TryFinishAsync"/>.</summary>
    public static JobPart Failed(JobId jobId, int attempt, int index, string error) =>
        new(jobId, attempt, index, JobPartStatus.Failed, null, null, null, error);
}
