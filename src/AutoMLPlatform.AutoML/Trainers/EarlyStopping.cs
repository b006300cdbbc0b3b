using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// A boosting estimator fitted while it watches a fold's validation rows (<see cref="TrainerCandidate.CreateEarlyStopping"/>),
/// and after its fit the rounds its model kept: up to the round where the validation loss was lowest. The trial runner
/// reads that from every fold and settles on their mean (<see cref="TrainerCandidate.WithRounds"/>): folds that kept
/// another count are trained again at it and scored, and the refit on all rows, which has no rows left to watch,
/// trains it too.
/// </summary>
internal sealed class EarlyStopping(IEstimator<ITransformer> estimator, Func<int?> roundsKept)
{
    public IEstimator<ITransformer> Estimator { get; } = estimator;

    /// <summary>Rounds the last fitted model kept; null before a fit.</summary>
    public int? RoundsKept => roundsKept();

    /// <summary>
    /// Rounds without improvement after which boosting stops: a tenth of the configured rounds, at least 20 (a small
    /// fold's validation loss is noisy, and one bad round must not end the ensemble) and at most 100.
    /// </summary>
    public static int Patience(int rounds) => Math.Clamp(rounds / 10, 20, 100);
}
