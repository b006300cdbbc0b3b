using Microsoft.ML;

namespace AutoMLPlatform.AutoML.External;

/// <summary>What an <see cref="IExternalTrainer"/> returns from one trial.</summary>
/// <param name="Model">The fitted model: reads original columns, writes the standard outputs.</param>
/// <param name="Hyperparameters">The settings it trained with, for the leaderboard and model lineage.</param>
/// <param name="InputColumns">The original columns the model reads at prediction time; null for every column the engine did not ignore.</param>
public sealed record ExternalTrial(
    ITransformer Model,
    IReadOnlyDictionary<string, object> Hyperparameters,
    IReadOnlyList<string>? InputColumns = null);
