namespace AutoMLPlatform.Core.Pipelines;

/// <summary>A model version and its score on a run's held-out rows (null when it could not be scored).</summary>
/// <param name="Version">The model version.</param>
/// <param name="Score">Its score on the held-out rows.</param>
/// <param name="DatasetVersion">The dataset version it was trained on.</param>
public sealed record ScoredVersion(int Version, double? Score, int DatasetVersion);
