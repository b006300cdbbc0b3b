namespace AutoMLPlatform.Torch.Training;

/// <summary>How a Torch training run went.</summary>
/// <param name="Epochs">Epochs run (the last may have been cut short by the time limit).</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps.</param>
/// <param name="ValidationMetrics">Metrics of the kept weights on the validation rows, by wire name.</param>
/// <param name="StoppedBecause">Why training ended: <c>early-stopping</c>, <c>time-limit</c> or <c>max-epochs</c>.</param>
/// <param name="TrainingTime">Wall time of the whole run, validation included.</param>
/// <param name="SamplesPerSecond">Training rows per second of pure training time (validation excluded).</param>
/// <param name="TrainingRows">Rows trained on.</param>
/// <param name="ValidationRows">Rows held out for validation.</param>
/// <param name="Settings">The settings the trainer chose (network, augmentation), for the leaderboard.</param>
public sealed record TrainingSummary(
    int Epochs,
    int BestEpoch,
    IReadOnlyDictionary<string, double> ValidationMetrics,
    string StoppedBecause,
    TimeSpan TrainingTime,
    double SamplesPerSecond,
    int TrainingRows,
    int ValidationRows,
    IReadOnlyDictionary<string, object>? Settings = null);
