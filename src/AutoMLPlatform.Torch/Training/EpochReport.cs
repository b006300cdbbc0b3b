namespace AutoMLPlatform.Torch.Training;

/// <summary>What one finished epoch achieved; reported through <see cref="IProgress{T}"/> after each epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="PlannedEpochs">How many epochs the run expects to do (the time limit may lower it as it learns the pace).</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation rows.</param>
/// <param name="ValidationAccuracy">Share of validation rows classified right.</param>
/// <param name="IsBest">True when this epoch is the best so far (its weights are kept).</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="SamplesPerSecond">Training rows per second of training time (validation excluded) in this epoch.</param>
/// <param name="BestMetrics">Every validation metric of the best epoch so far, by wire name.</param>
public sealed record EpochReport(
    int Epoch,
    int PlannedEpochs,
    double TrainLoss,
    double ValidationLoss,
    double ValidationAccuracy,
    bool IsBest,
    TimeSpan Elapsed,
    double SamplesPerSecond,
    IReadOnlyDictionary<string, double> BestMetrics);
