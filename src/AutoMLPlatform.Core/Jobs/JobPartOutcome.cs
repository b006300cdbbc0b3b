using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// What a part's search found: its best model, already stored as a model blob but not registered, and everything the
/// registry needs to register it if it wins. Scores of all parts of an attempt are comparable: they validate on the
/// same split (same data, same seed).
/// </summary>
/// <param name="ArtifactSha256">The stored package.</param>
/// <param name="ArtifactSizeBytes">Its size.</param>
/// <param name="Task">The task the search solved.</param>
/// <param name="Metric">The metric it optimised.</param>
/// <param name="Score">The best validation score of <paramref name="Metric"/>.</param>
/// <param name="Trainer">The best trial's trainer.</param>
/// <param name="Hyperparameters">The best trial's settings.</param>
/// <param name="Metrics">The best trial's validation metrics.</param>
/// <param name="Inputs">The model's input columns.</param>
/// <param name="Classes">The label's classes, empty for regression.</param>
/// <param name="Trials">Trials the part ran.</param>
/// <param name="Report">The evaluation report on the part's validation predictions, when it has them.</param>
public sealed record JobPartOutcome(
    string ArtifactSha256,
    long ArtifactSizeBytes,
    TaskKind Task,
    MetricKind Metric,
    double Score,
    string Trainer,
    IReadOnlyDictionary<string, object> Hyperparameters,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ModelInputColumn> Inputs,
    IReadOnlyList<string> Classes,
    int Trials,
    EvaluationReport? Report);
