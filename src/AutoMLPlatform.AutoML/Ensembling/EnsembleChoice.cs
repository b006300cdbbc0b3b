using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>The trials an ensemble averages, with their weights (summing to 1), and its cross-fitted validation metrics.</summary>
internal sealed record EnsembleChoice(IReadOnlyList<(TrialOutcome Trial, double Weight)> Members, IReadOnlyDictionary<string, double> Metrics, double Score, double Loss);
