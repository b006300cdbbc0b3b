namespace AutoMLPlatform.AutoML.Validation;

/// <summary>The splits every trial is validated on, and how to say so to a user.</summary>
/// <param name="Kind">Holdout or k-fold (never <see cref="ValidationKind.Auto"/>).</param>
/// <param name="Folds">One fold for a holdout, k for k-fold.</param>
/// <param name="Description">The plan in words, e.g. "5-fold cross-validation, stratified by class (3563 rows)".</param>
internal sealed record ValidationPlan(ValidationKind Kind, IReadOnlyList<Fold> Folds, string Description)
{
    /// <summary>Rows a model trained on all labelled rows sees, per row a trial's model sees: how much longer the final refit takes.</summary>
    public double RefitGrowth(int allRows) => allRows / (double)Math.Max(1, Folds[0].Train.Length);
}
