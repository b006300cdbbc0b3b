namespace AutoMLPlatform.Insight.Drift;

/// <summary>A model version's training profile for drift: one entry per input column (null where there is none) and the predictions'.</summary>
/// <param name="Inputs">Aligned with the version's inputs; null for a column training had no profile of (absent or sensitive).</param>
/// <param name="Predictions">The training labels' distribution, which the predictions are compared with; null when unknown.</param>
/// <param name="TrainingRows">How many training rows the profile was built from.</param>
public sealed record DriftReference(IReadOnlyList<DriftBins?> Inputs, DriftBins? Predictions, long TrainingRows);
