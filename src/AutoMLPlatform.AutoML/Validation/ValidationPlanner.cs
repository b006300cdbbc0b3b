using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>
/// Chooses how trials are validated. Small tables get stratified k-fold: a holdout of a few hundred rows is too
/// noisy to rank configurations, and k fits of a small table are cheap. Large tables get one stratified holdout, so
/// the budget buys more configurations rather than more folds (ML.NET AutoML's 10 folds on anything under 15,000
/// rows leaves it few trials).
/// </summary>
internal static class ValidationPlanner
{
    /// <summary>Below this many labelled rows, automatic validation is k-fold; from here on, a holdout.</summary>
    public const int KFoldMaxRows = 10_000;

    /// <summary>Rows a holdout keeps for validation at most; the rest train.</summary>
    public const int MaxHoldoutRows = 20_000;

    public static ValidationPlan Plan(TableColumn label, TaskKind task, ValidationKind kind, int folds, double holdoutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(label);
        var rows = label.Length;
        var resolved = kind == ValidationKind.Auto ? (rows < KFoldMaxRows ? ValidationKind.KFold : ValidationKind.Holdout) : kind;
        var stratified = task == TaskKind.Regression ? "stratified by label quantiles" : "stratified by class";
        if (resolved == ValidationKind.KFold)
        {
            var splits = FoldSplitter.KFold(label, task, Math.Min(folds, rows), seed);
            return new ValidationPlan(resolved, splits,
                $"{splits.Count}-fold cross-validation, {stratified}, on {rows} rows; the final model is refit on all of them");
        }

        var fraction = Math.Min(holdoutFraction, MaxHoldoutRows / (double)rows);
        var (train, validation) = DataSplitter.Split(label, task, fraction, seed);
        return new ValidationPlan(resolved, [new Fold(train, validation)],
            $"holdout: {train.Length} training rows, {validation.Length} validation rows" +
            (task == TaskKind.Regression ? "" : ", stratified by class") + "; the final model is refit on all rows");
    }
}
