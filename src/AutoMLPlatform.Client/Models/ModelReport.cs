namespace AutoMLPlatform.Client.Models;

/// <summary>
/// What is known about a version's quality and drivers: the report on the engine's validation rows, the latest report on
/// a dataset it was evaluated on, and permutation feature importance. Parts not computed (yet) are null.
/// </summary>
public sealed record ModelReport(string Model, int Version, string Task, EvaluationReport? Validation, EvaluationReport? Evaluation,
    FeatureImportance? Importance);
