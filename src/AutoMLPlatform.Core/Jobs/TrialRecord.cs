namespace AutoMLPlatform.Core.Jobs;

/// <summary>One configuration tried by a job's search: a row of its leaderboard.</summary>
/// <param name="Number">1-based order within the attempt.</param>
/// <param name="Trainer">The trainer's name, e.g. <c>LightGbm</c>.</param>
/// <param name="Hyperparameters">Its settings; values are numbers, strings or booleans.</param>
/// <param name="Score">Validation score of the optimised metric, or null when the trial failed.</param>
/// <param name="Metrics">Every validation metric computed for the trial, by wire name.</param>
/// <param name="Duration">Wall time the trial took.</param>
/// <param name="Error">Why the trial failed, when it did.</param>
/// <param name="Selection">Why the search gave this trial to its trainer: its chance and the reason (null where no choice was made).</param>
public sealed record TrialRecord(
    int Number,
    string Trainer,
    IReadOnlyDictionary<string, object> Hyperparameters,
    double? Score,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Duration,
    string? Error,
    string? Selection = null);
