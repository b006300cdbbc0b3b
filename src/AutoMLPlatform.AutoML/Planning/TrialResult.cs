namespace AutoMLPlatform.AutoML.Planning;

/// <summary>
/// The outcome of one trial; a failed trial has <see cref="Error"/> set and no score. <see cref="Selection"/> says why
/// the search gave the trial to its trainer (its chance and the reason), where the search chose it.
/// </summary>
public sealed record TrialResult(
    int Number,
    string Trainer,
    IReadOnlyDictionary<string, object> Hyperparameters,
    double? Score,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Duration,
    string? Error,
    string? Selection = null)
{
    public bool Succeeded => Error is null && Score is { } s && double.IsFinite(s);
}
