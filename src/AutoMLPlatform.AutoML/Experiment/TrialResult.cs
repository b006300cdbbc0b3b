namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>The outcome of one trial; a failed trial has <see cref="Error"/> set and no score.</summary>
public sealed record TrialResult(
    int Number,
    string Trainer,
    IReadOnlyDictionary<string, object> Hyperparameters,
    double? Score,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Duration,
    string? Error)
{
    public bool Succeeded => Error is null && Score is { } s && double.IsFinite(s);
}
