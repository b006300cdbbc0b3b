using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>The model an experiment returns, what it reads, and how it came about.</summary>
/// <param name="Model">The finished pipeline: original columns in, standard outputs out.</param>
/// <param name="Best">The winning trial (an ensemble is a trial of its own).</param>
/// <param name="Inputs">The original columns the model reads.</param>
/// <param name="Refit">How the returned model was trained, in words.</param>
/// <param name="Ensemble">The ensemble's trial result, when an ensemble won.</param>
/// <param name="ValidationPredictions">The winner's predictions on the evaluation rows (out-of-fold, holdout, or the ensemble's cross-fitted ones); null when they do not cover every row.</param>
internal sealed record FinalModel(ITransformer Model, TrialResult Best, IReadOnlyList<ModelInputColumn> Inputs, string Refit, TrialResult? Ensemble,
    float[]? ValidationPredictions);
