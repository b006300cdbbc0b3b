using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>A job as the API shows it; the leaderboard (best first) only on the job's own page.</summary>
public sealed record JobResponse(
    JobId Id,
    JobStatus Status,
    DatasetId DatasetId,
    int DatasetVersion,
    string Label,
    string Task,
    string? Metric,
    double TimeBudgetSeconds,
    string ModelName,
    int Attempt,
    bool CancelRequested,
    JobProgressResponse Progress,
    string? Error,
    ModelVersionRef? Model,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    HoldoutSpec? Holdout,
    bool RequireOnnx,
    int Parallelism,
    IReadOnlyList<ColumnNote>? Columns = null,
    IReadOnlyList<TrialResponse>? Leaderboard = null,
    IReadOnlyList<JobPartResponse>? Parts = null)
{
    public static JobResponse From(TrainingJob job) => new(
        job.Id,
        job.Status,
        job.Spec.DatasetId,
        job.Spec.DatasetVersion,
        job.Spec.Label,
        TaskKindNames.NameOf(job.Progress.Task) ?? (job.Spec.Task is { } t ? TaskKindNames.NameOf(t) : "auto"),
        (job.Progress.Metric ?? job.Spec.Metric) is { } m ? Metrics.NameOf(m) : null,
        job.Spec.TimeBudget.TotalSeconds,
        job.Spec.ModelName,
        job.Attempt,
        job.CancelRequested,
        new JobProgressResponse(job.Progress.Describe(), job.Progress.TrialsDone, job.Progress.BestScore, job.Progress.BestTrainer,
            Math.Round(job.Progress.Elapsed.TotalSeconds, 1), job.Progress.Validation),
        job.Error,
        job.Result,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Spec.Holdout,
        job.Spec.RequireOnnx,
        job.Spec.Parallelism);
}

/// <summary>How far a job has got.</summary>
public sealed record JobProgressResponse(string Phase, int TrialsDone, double? BestScore, string? BestTrainer, double ElapsedSeconds, string? Validation);

/// <summary>One row of a job's leaderboard; <c>Selection</c> says why the search gave the trial to its trainer.</summary>
public sealed record TrialResponse(int Number, string Trainer, IReadOnlyDictionary<string, object> Hyperparameters, double? Score,
    IReadOnlyDictionary<string, double> Metrics, double DurationSeconds, string? Error, string? Selection)
{
    public static TrialResponse From(TrialRecord trial) => new(trial.Number, trial.Trainer, trial.Hyperparameters, trial.Score, trial.Metrics,
        Math.Round(trial.Duration.TotalSeconds, 3), trial.Error, trial.Selection);
}

/// <summary>One part of a fanned-out job's search, on the job's own page: where it ran and what it found.</summary>
public sealed record JobPartResponse(int Index, JobPartStatus Status, string? Worker, string? BestTrainer, double? BestScore, int? Trials, string? Error)
{
    public static JobPartResponse From(JobPart part) => new(part.Index, part.Status, part.Worker, part.Outcome?.Trainer, part.Outcome?.Score,
        part.Outcome?.Trials, part.Error);
}
