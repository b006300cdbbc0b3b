using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>One ML.NET trainer the search may try, with the hyperparameters it is tried with.</summary>
internal abstract class TrainerCandidate
{
    /// <summary>The trainer's name as shown on the leaderboard, e.g. <c>LightGbm</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True for learners that need features scaled to a common range (linear models).</summary>
    public abstract bool NeedsNormalization { get; }

    public abstract bool Supports(TaskKind task);

    /// <summary>The settings this candidate trains with, as shown on the leaderboard and stored in lineage.</summary>
    public abstract IReadOnlyDictionary<string, object> Hyperparameters { get; }

    /// <summary>The trainer estimator reading <see cref="Data.ReservedColumns.Features"/> and <see cref="Data.ReservedColumns.Label"/>.</summary>
    public abstract IEstimator<ITransformer> CreateTrainer(MLContext mlContext, TaskKind task);
}
