using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>A finished search in this process: the experiment's result and its model package, stored but not registered.</summary>
internal sealed record SearchOutcome(ExperimentResult Result, ModelManifest Manifest, string ArtifactSha256, long ArtifactSizeBytes)
{
    /// <summary>What the registry and other workers need of it; <paramref name="report"/> is its validation report, if any.</summary>
    public JobPartOutcome ToPartOutcome(EvaluationReport? report) => new(ArtifactSha256, ArtifactSizeBytes, Result.Task, Result.Metric,
        Result.BestTrial.Score ?? double.NaN, Result.BestTrial.Trainer, Result.BestTrial.Hyperparameters, Result.BestTrial.Metrics,
        Result.Inputs, Result.Labels.Classes, Result.Trials.Count, report);
}
