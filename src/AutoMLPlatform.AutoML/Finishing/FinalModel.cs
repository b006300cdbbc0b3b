using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>The model an experiment returns, what it reads, and how it came about.</summary>
/// <param name="Model">The finished pipeline: original columns in, standard outputs out.</param>
/// <param name="Best">The winning trial (an ensemble is a trial of its own).</param>
/// <param name="Inputs">The original columns the model reads.</param>
/// <param name="Refit">How the returned model was trained, in words.</param>
/// <param name="Ensemble">The ensemble's trial result, when an ensemble won.</param>
internal sealed record FinalModel(ITransformer Model, TrialResult Best, IReadOnlyList<ModelInputColumn> Inputs, string Refit, TrialResult? Ensemble);
