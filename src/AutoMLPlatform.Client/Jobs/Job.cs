namespace AutoMLPlatform.Client.Jobs;

/// <summary>A training job: what was asked, how far it got, and its result.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">Queued, running, succeeded, failed or cancelled.</param>
/// <param name="DatasetId">The dataset trained on.</param>
/// <param name="DatasetVersion">Its version.</param>
/// <param name="Label">The column predicted.</param>
/// <param name="Task">The task (<c>auto</c> until inferred; then <c>binary</c>, <c>multiclass</c>, <c>regression</c>, …).</param>
/// <param name="Metric">The metric optimised, once known.</param>
/// <param name="TimeBudgetSeconds">The search's time budget.</param>
/// <param name="ModelName">The model the result becomes a version of.</param>
/// <param name="Attempt">How many times a worker started it (a restart runs it again).</param>
/// <param name="CancelRequested">True once cancelling was asked for.</param>
/// <param name="Progress">Phase, trials done, best so far, time spent.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Model">The model version it registered, once it succeeded.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="StartedAt">When a worker started it.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="RequireOnnx">True when the search kept to what exports to ONNX.</param>
/// <param name="Parallelism">The parts the search was split into.</param>
/// <param name="Columns">How each column was used or why it was not (on the job's own page).</param>
/// <param name="Leaderboard">The trials, best first (on the job's own page).</param>
/// <param name="Parts">The parts of a split search (on the job's own page).</param>
public sealed record Job(
    JobId Id,
    JobStatus Status,
    Datasets.DatasetId DatasetId,
    int DatasetVersion,
    string Label,
    string Task,
    string? Metric,
    double TimeBudgetSeconds,
    string ModelName,
    int Attempt,
    bool CancelRequested,
    JobProgress Progress,
    string? Error,
    ModelVersionRef? Model,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool RequireOnnx,
    int Parallelism,
    IReadOnlyList<ColumnDecision>? Columns,
    IReadOnlyList<Trial>? Leaderboard,
    IReadOnlyList<JobPart>? Parts)
{
    /// <summary>True once the job can change no more: succeeded, failed or cancelled.</summary>
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
