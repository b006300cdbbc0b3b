using System.Text.Json;

namespace AutoMLPlatform.Client.Jobs;

/// <summary>One row of a job's leaderboard.</summary>
/// <param name="Number">The trial's number in the search.</param>
/// <param name="Trainer">The trainer (<c>LightGbm</c>, <c>FastForest</c>, …, or an ensemble).</param>
/// <param name="Hyperparameters">Its settings: numbers or strings.</param>
/// <param name="Score">Its score on the job's metric; null when it failed.</param>
/// <param name="Metrics">Every metric measured, by name.</param>
/// <param name="DurationSeconds">How long it took.</param>
/// <param name="Error">Why it failed.</param>
public sealed record Trial(int Number, string Trainer, IReadOnlyDictionary<string, JsonElement> Hyperparameters, double? Score,
    IReadOnlyDictionary<string, double> Metrics, double DurationSeconds, string? Error);
