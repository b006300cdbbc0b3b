using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// The record of one champion/challenger comparison: both versions and scores on the same held-out rows, the margin
/// asked for and the one achieved, what was done and why.
/// </summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Reason">The decision in words.</param>
/// <param name="ModelName">The registered model.</param>
/// <param name="Alias">The alias the pipeline maintains.</param>
/// <param name="Metric">The metric both were scored with.</param>
/// <param name="DatasetVersion">The dataset version whose held-out rows were used (0 for a canary judged on live feedback).</param>
/// <param name="HoldoutRows">How many labelled rows were held out and scored (a canary: its predictions with feedback).</param>
/// <param name="Challenger">The newly trained version and its score.</param>
/// <param name="Champion">The version the alias pointed at and its score; null when there was none.</param>
/// <param name="Improvement">The challenger's margin in the policy's units (positive = better); null without a scored champion.</param>
/// <param name="MinImprovement">The margin the policy asks for.</param>
/// <param name="ImprovementKind">Absolute or relative.</param>
public sealed record PromotionDecision(
    PromotionOutcome Outcome,
    string Reason,
    string ModelName,
    string Alias,
    MetricKind Metric,
    int DatasetVersion,
    int HoldoutRows,
    ScoredVersion Challenger,
    ScoredVersion? Champion,
    double? Improvement,
    double MinImprovement,
    ImprovementKind ImprovementKind)
{
    /// <summary>True when the alias now points at the challenger.</summary>
    public bool Promoted => Outcome is PromotionOutcome.FirstChampion or PromotionOutcome.Promoted;
}
