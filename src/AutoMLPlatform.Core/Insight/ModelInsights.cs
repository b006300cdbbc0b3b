namespace AutoMLPlatform.Core.Insight;

/// <summary>What is stored about a model version beyond the registry row; each part is null until computed.</summary>
/// <param name="Validation">The report on the engine's validation rows, written at the end of the job.</param>
/// <param name="Evaluation">The latest report on a dataset the user asked to evaluate on.</param>
/// <param name="Importance">Permutation feature importance, written at the end of the job.</param>
public sealed record ModelInsights(EvaluationReport? Validation, EvaluationReport? Evaluation, FeatureImportance? Importance)
{
    public static readonly ModelInsights Empty = new(null, null, null);
}
