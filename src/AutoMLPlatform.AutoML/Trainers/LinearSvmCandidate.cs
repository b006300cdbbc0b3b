using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>A linear SVM (Pegasos) for binary tasks, on normalized features, Platt-calibrated into probabilities.</summary>
internal sealed class LinearSvmCandidate : TrainerCandidate
{
    public override string Name => "LinearSvm";

    public override bool Supports(TaskKind task, DataShape shape) => task == TaskKind.Binary;

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape) => new(
    [
        Hyperparameter.Float("lambda", 1e-6, 1, 1e-3, log: true),
        Hyperparameter.Integer("numberOfIterations", 1, 128, 1, log: true),
        Normalization.Choice(shape),
    ]);

    public override double RelativeInitialCost(TaskKind task, DataShape shape) => 1;

    public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Work * configuration.Int("numberOfIterations");
    }

    public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        return Normalization.Create(mlContext, configuration)
            .Append(ProbabilityDecision.ThenPlatt(mlContext, shape.RequireOnnx, mlContext.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.NormalizedFeatures,
                Lambda = (float)configuration.Float("lambda"), NumberOfIterations = configuration.Int("numberOfIterations"),
            })));
    }
}
