using Microsoft.ML;

namespace AutoMLPlatform.AutoML.External;

/// <summary>What an <see cref="IExternalTrainer"/> gets to refit its winning trial on every labelled row.</summary>
/// <param name="Trial">The trial that won, as the trainer returned it.</param>
/// <param name="All">Every labelled row, in the same shape as the training views.</param>
/// <param name="Seed">The experiment's seed.</param>
/// <param name="TimeLimit">Time the refit may take; if it is not done by then, the engine keeps the trial's own model.</param>
public sealed record ExternalRefitRequest(ExternalTrial Trial, IDataView All, int Seed, TimeSpan TimeLimit);
