using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>
/// The trials an ensemble averages, with their weights (summing to 1), its cross-fitted validation metrics, and the
/// cross-fitted predictions those metrics come from (one per evaluation row, per class for multiclass).
/// </summary>
internal sealed record EnsembleChoice(IReadOnlyList<(TrialOutcome Trial, double Weight)> Members, IReadOnlyDictionary<string, double> Metrics, double Score, double Loss,
    float[] Predictions);
