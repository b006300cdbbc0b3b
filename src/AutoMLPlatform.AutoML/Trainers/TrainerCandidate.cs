using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// One ML.NET trainer family the search may try: its search space with a low-cost starting point, a
/// deterministic cost estimate, and the estimator for a configuration. The estimator reads
/// <see cref="Data.ReservedColumns.Features"/> and <see cref="Data.ReservedColumns.Label"/> and writes ML.NET's
/// standard columns; binary estimators always end with a calibrated <c>Probability</c> and decide <c>PredictedLabel</c>
/// at probability 0.5 (<see cref="ProbabilityDecision"/>).
/// </summary>
internal abstract class TrainerCandidate
{
    /// <summary>The trainer's name as shown on the leaderboard, e.g. <c>LightGbm</c>.</summary>
    public abstract string Name { get; }

    public abstract bool Supports(TaskKind task, DataShape shape);

    public abstract SearchSpace CreateSpace(TaskKind task, DataShape shape);

    /// <summary>
    /// What the starting configuration costs relative to LightGbm's start on a narrow table (1); calibrates the
    /// trainer selector before a trainer has run, and orders the warm-up.
    /// </summary>
    public abstract double RelativeInitialCost(TaskKind task, DataShape shape);

    /// <summary>
    /// An estimate of a configuration's training work, in arbitrary units proportional to time. Used instead of
    /// measured time when a run must repeat exactly (a maximum trial count is set), because timings never repeat.
    /// </summary>
    public abstract double EstimateCost(Configuration configuration, TaskKind task, DataShape shape);

    public abstract IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape);

    /// <summary>
    /// For a trainer that adds rounds (boosting): an estimator that watches <paramref name="validation"/> (rows in
    /// the label space the trainer learns) and stops adding rounds once its loss no longer improves, keeping the best;
    /// null for trainers without early stopping, which then train as <see cref="CreateEstimator"/> does.
    /// </summary>
    public virtual EarlyStopping? CreateEarlyStopping(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape, IDataView validation) => null;

    /// <summary>The configuration that trains exactly <paramref name="rounds"/> rounds: how an early-stopped trial is refit on all rows.</summary>
    public virtual Configuration WithRounds(Configuration configuration, int rounds) => configuration;
}
