namespace AutoMLPlatform.Server.Jobs;

/// <summary>The body of <c>POST /api/jobs</c>.</summary>
/// <param name="DatasetId">The dataset to train on.</param>
/// <param name="DatasetVersion">A version of it; the newest when left out.</param>
/// <param name="Label">The column to predict.</param>
/// <param name="Task"><c>auto</c> (default), <c>binary</c>, <c>multiclass</c> or <c>regression</c>.</param>
/// <param name="Metric">The metric to optimise; the task's default when left out.</param>
/// <param name="TimeBudgetSeconds">Wall time for the search: 1 to 86,400 seconds, 60 when left out.</param>
/// <param name="ModelName">The registered model the result becomes a version of; the dataset's name when left out.</param>
/// <param name="Seed">Seed for splits and search.</param>
/// <param name="MaxTrials">Stop after this many trials.</param>
/// <param name="RequireOnnx">True to choose only what exports to ONNX, so the version always exports; not for Torch (text, image) tasks.</param>
/// <param name="Parallelism">Parts the search is split into, each run by whichever worker is free (1 to the number of trainers, 1 when
/// left out); not for Torch (text, image) tasks, which train one network.</param>
public sealed record SubmitJobRequest(
    string? DatasetId,
    int? DatasetVersion,
    string? Label,
    string? Task,
    string? Metric,
    double? TimeBudgetSeconds,
    string? ModelName,
    int? Seed,
    int? MaxTrials,
    bool? RequireOnnx = null,
    int? Parallelism = null);
