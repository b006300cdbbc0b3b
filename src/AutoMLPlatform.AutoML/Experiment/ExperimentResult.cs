using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>What an experiment found: the best trial, its model refit on all rows, and everything that led there.</summary>
/// <param name="Task">The task, given or inferred.</param>
/// <param name="TaskReason">Why that task.</param>
/// <param name="Metric">The optimised metric.</param>
/// <param name="Columns">The decision for every column, with reasons.</param>
/// <param name="Validation">How trials were validated, in words.</param>
/// <param name="BestTrial">The winning trial (possibly the final ensemble); its metrics are validation metrics.</param>
/// <param name="Trials">Every trial in the order it ran, the ensemble last when it won.</param>
/// <param name="Model">The best pipeline refit on all rows; reads the columns in <paramref name="Inputs"/>.</param>
/// <param name="InputSchema">The schema <paramref name="Model"/> was fitted on (label excluded), for saving it.</param>
/// <param name="Inputs">The columns the model reads at prediction time.</param>
/// <param name="Labels">How the label was encoded (the class names).</param>
/// <param name="Refit">How <paramref name="Model"/> was trained, in words: refit on all rows, an ensemble, or, when the refit could not finish in time, the validation model.</param>
/// <param name="Tuner">The search strategy used.</param>
/// <param name="ValidationPredictions">The winner's predictions on the validation rows it was not fitted on (out-of-fold
/// under k-fold, the holdout otherwise, cross-fitted for an ensemble), with their labels; null when the winner's
/// predictions do not cover every validation row (an external trainer validated on one fold).</param>
public sealed record ExperimentResult(
    TaskKind Task,
    string TaskReason,
    MetricKind Metric,
    IReadOnlyList<ColumnDecision> Columns,
    string Validation,
    TrialResult BestTrial,
    IReadOnlyList<TrialResult> Trials,
    ITransformer Model,
    DataViewSchema InputSchema,
    IReadOnlyList<ModelInputColumn> Inputs,
    LabelEncoding Labels,
    string Refit,
    TunerKind Tuner,
    ScoredRows? ValidationPredictions = null);
