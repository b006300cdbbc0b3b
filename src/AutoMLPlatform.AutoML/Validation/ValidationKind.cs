namespace AutoMLPlatform.AutoML.Validation;

/// <summary>How trials are validated.</summary>
public enum ValidationKind
{
    /// <summary>Stratified k-fold below <see cref="ValidationPlanner.KFoldMaxRows"/> labelled rows, a holdout above.</summary>
    Auto,

    /// <summary>One stratified split: train on most rows, score the rest.</summary>
    Holdout,

    /// <summary>Stratified k-fold cross-validation: every row is scored once by a model that did not see it.</summary>
    KFold,
}
