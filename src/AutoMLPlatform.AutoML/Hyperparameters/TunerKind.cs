namespace AutoMLPlatform.AutoML.Hyperparameters;

/// <summary>The search strategies an experiment can use. See docs/automl.md for how they compare.</summary>
public enum TunerKind
{
    /// <summary>
    /// Cost-frugal local search (after FLAML's CFO): each trainer starts at its cheapest configuration and moves in
    /// random directions only when that improves validation; the next trainer is picked by its estimated cost of
    /// improvement, so cheap trainers that keep improving get the time. The default.
    /// </summary>
    CostFrugal,

    /// <summary>Random search: a uniformly random trainer, then uniformly random hyperparameters. A baseline.</summary>
    Random,

    /// <summary>Tree-structured Parzen estimators per trainer (model-based), with the same trainer selection as <see cref="CostFrugal"/>.</summary>
    Tpe,
}
