using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>What a job was asked to do; fixed at submission.</summary>
/// <param name="DatasetId">The dataset to train on.</param>
/// <param name="DatasetVersion">The version of it, fixed at submission so a later upload does not change the job.</param>
/// <param name="Label">The column to predict.</param>
/// <param name="Task">The task, or null to infer it from the label.</param>
/// <param name="Metric">The metric to optimise, or null for the task's default.</param>
/// <param name="TimeBudget">Wall time the search may use.</param>
/// <param name="ModelName">The registered model the result becomes a version of.</param>
/// <param name="Seed">Seed for splits and the search.</param>
/// <param name="MaxTrials">Stop after this many trials even if time is left; null for no limit.</param>
/// <param name="Modality">The kind of learner asked for (<c>text-classification</c>, <c>image-classification</c>), or auto.</param>
/// <param name="Holdout">Rows of the version the job must not train on; null to train on every row.</param>
/// <param name="RequireOnnx">Choose only trainers and featurizers whose model exports to ONNX, so the version always does.</param>
/// <param name="Parallelism">Parts the search is split into, each a Hangfire job that any free worker runs (1: one search in one worker).</param>
public sealed record JobSpec(
    DatasetId DatasetId,
    int DatasetVersion,
    string Label,
    TaskKind? Task,
    MetricKind? Metric,
    TimeSpan TimeBudget,
    string ModelName,
    int Seed = JobSpec.DefaultSeed,
    int? MaxTrials = null,
    DataModality Modality = DataModality.Auto,
    HoldoutSpec? Holdout = null,
    bool RequireOnnx = false,
    int Parallelism = 1)
{
    /// <summary>The seed used when the caller gives none.</summary>
    public const int DefaultSeed = 1;
}
