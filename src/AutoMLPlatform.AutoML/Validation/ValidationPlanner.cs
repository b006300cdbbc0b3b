using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>
/// Chooses how trials are validated. Small tables get stratified k-fold: a holdout of a few hundred rows is too
/// noisy to rank configurations, and k fits of a small table are cheap. Large tables get one stratified holdout, so
/// the budget buys more configurations rather than more folds (ML.NET AutoML's 10 folds on anything under 15,000
/// rows leaves it few trials). Free text moves that line down: a linear fit on its n-grams costs in proportion to rows
/// times weight vectors (one per class), and 5-fold on 9,559 six-class austen passages left one L-BFGS trial in 60 s.
/// </summary>
internal static class ValidationPlanner
{
    /// <summary>Below this many labelled rows, automatic validation is k-fold; from here on, a holdout.</summary>
    public const int KFoldMaxRows = 10_000;

    /// <summary>Rows a holdout keeps for validation at most; the rest train.</summary>
    public const int MaxHoldoutRows = 20_000;

    /// <summary>With free text, automatic validation is k-fold only while rows × weight vectors stay below this.</summary>
    public const int TextKFoldMaxWork = 20_000;

    /// <param name="label">The label column.</param>
    /// <param name="task">The task.</param>
    /// <param name="kind">The validation asked for; <see cref="ValidationKind.Auto"/> chooses by size.</param>
    /// <param name="folds">Folds of a k-fold.</param>
    /// <param name="holdoutFraction">Share of rows a holdout validates on.</param>
    /// <param name="seed">The split's seed.</param>
    /// <param name="freeText">The features include a free-text column.</param>
    /// <param name="classes">Classes of a multiclass label (the weight vectors a linear model fits).</param>
    public static ValidationPlan Plan(TableColumn label, TaskKind task, ValidationKind kind, int folds, double holdoutFraction, int seed,
        bool freeText = false, int classes = 2)
    {
        ArgumentNullException.ThrowIfNull(label);
        var rows = label.Length;
        var kFoldMaxRows = freeText ? TextKFoldMaxWork / (task == TaskKind.Multiclass ? Math.Max(2, classes) : 1) : KFoldMaxRows;
        var resolved = kind == ValidationKind.Auto ? (rows < kFoldMaxRows ? ValidationKind.KFold : ValidationKind.Holdout) : kind;
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
