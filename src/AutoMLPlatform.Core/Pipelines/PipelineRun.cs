using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// One run of a pipeline, as stored: the row is the truth, Hangfire only executes it. It carries the definition as
/// it was when the run was triggered, so editing the pipeline never changes a run under way. Status changes go
/// through the methods below, which allow only Queued → Running → (Succeeded | Failed | Cancelled | back to Queued),
/// Queued → Failed for a run that used up its attempts, and Queued → Cancelled.
/// </summary>
/// <param name="Id">The run's id.</param>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Definition">The pipeline's definition when the run was triggered.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Attempt">How many times a worker claimed it (a claim after a crash is a new attempt).</param>
/// <param name="Failures">Tries that failed so far; the policy allows <see cref="PromotionPolicy.Retries"/> of them before the run fails.</param>
/// <param name="DatasetId">The dataset trained on, once resolved.</param>
/// <param name="DatasetVersion">Its newest version when the current try started.</param>
/// <param name="JobId">The training job of the current try, once created.</param>
/// <param name="JobIds">Every training job the run created, oldest first.</param>
/// <param name="Decision">The promotion decision, when the run succeeded.</param>
/// <param name="Error">Why the last try failed.</param>
/// <param name="CreatedAt">When it was triggered.</param>
/// <param name="StartedAt">When the current attempt was claimed.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="HeartbeatAt">The running worker's last sign of life.</param>
/// <param name="Drift">Why a drift check started the run; null for other triggers.</param>
/// <param name="Quality">Why a live-quality check started the run; null for other triggers.</param>
public sealed record PipelineRun(
    PipelineRunId Id,
    TenantId TenantId,
    PipelineDefinition Definition,
    RunTrigger Trigger,
    PipelineRunStatus Status,
    int Attempt,
    int Failures,
    DatasetId? DatasetId,
    int? DatasetVersion,
    JobId? JobId,
    IReadOnlyList<JobId> JobIds,
    PromotionDecision? Decision,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? HeartbeatAt,
    DriftCause? Drift = null,
    QualityCause? Quality = null)
{
    private static readonly Dictionary<PipelineRunStatus, PipelineRunStatus[]> Allowed = new()
    {
        [PipelineRunStatus.Queued] = [PipelineRunStatus.Running, PipelineRunStatus.Failed, PipelineRunStatus.Cancelled],
        [PipelineRunStatus.Running] = [PipelineRunStatus.Succeeded, PipelineRunStatus.Failed, PipelineRunStatus.Cancelled, PipelineRunStatus.Queued],
        [PipelineRunStatus.Succeeded] = [],
        [PipelineRunStatus.Failed] = [],
        [PipelineRunStatus.Cancelled] = [],
    };

    public string PipelineName => Definition.Name;

    /// <summary>Queued or running: the one run a pipeline may have under way.</summary>
    public bool IsActive => Status is PipelineRunStatus.Queued or PipelineRunStatus.Running;

    public static PipelineRun Create(TenantId tenant, PipelineDefinition definition, RunTrigger trigger, DateTimeOffset now, DriftCause? drift = null,
        QualityCause? quality = null) =>
        new(PipelineRunId.New(), tenant, definition, trigger, PipelineRunStatus.Queued, 0, 0, null, null, null, [], null, null, now, null, null, null, drift, quality);

    /// <summary>Claimed by a worker: a new attempt starts.</summary>
    public PipelineRun Start(DateTimeOffset now) =>
        MoveTo(PipelineRunStatus.Running) with { Attempt = Attempt + 1, StartedAt = now, HeartbeatAt = now };

    /// <summary>A try started training <paramref name="job"/> on a dataset version.</summary>
    public PipelineRun WithJob(JobId job, DatasetId dataset, int version) =>
        this with { JobId = job, JobIds = [.. JobIds, job], DatasetId = dataset, DatasetVersion = version };

    /// <summary>A try failed; the next try (if the policy allows one) starts from scratch with a new job.</summary>
    public PipelineRun RecordFailure(string error) => this with { Failures = Failures + 1, Error = error, JobId = null };

    public PipelineRun Succeed(DateTimeOffset now, PromotionDecision decision) =>
        MoveTo(PipelineRunStatus.Succeeded) with { FinishedAt = now, Decision = decision };

    public PipelineRun Fail(DateTimeOffset now) => MoveTo(PipelineRunStatus.Failed) with { FinishedAt = now };

    /// <summary>Failed without a try of its own failing: it used up its attempts (its workers died or stopped each time).</summary>
    public PipelineRun GiveUp(DateTimeOffset now, string reason) => MoveTo(PipelineRunStatus.Failed) with { FinishedAt = now, Error = reason };

    /// <summary>Stopped on request: no further try; <paramref name="reason"/> says who cancelled it.</summary>
    public PipelineRun Cancel(DateTimeOffset now, string reason) =>
        MoveTo(PipelineRunStatus.Cancelled) with { FinishedAt = now, Error = reason, HeartbeatAt = null };

    /// <summary>Its worker died or its process stopped: back to the queue, to resume (its current job is kept).</summary>
    public PipelineRun Requeue() => MoveTo(PipelineRunStatus.Queued) with { HeartbeatAt = null };

    private PipelineRun MoveTo(PipelineRunStatus to) => Allowed[Status].Contains(to)
        ? this with { Status = to }
        : throw new InvalidOperationException($"Pipeline run {Id} is {Status} and cannot become {to}.");
}
