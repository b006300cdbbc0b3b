using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>The averaged perceptron for binary tasks, on normalized features, Platt-calibrated into probabilities.</summary>
internal sealed class AveragedPerceptronCandidate : TrainerCandidate
{
    public override string Name => "AveragedPerceptron";

    public override bool Supports(TaskKind task, DataShape shape) => task == TaskKind.Binary;

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape) => new(
    [
        Hyperparameter.Float("learningRate", 1e-3, 1, 1, log: true),
        Hyperparameter.Float("l2Regularization", 1e-7, 1e-1, 1e-7, log: true),
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
            .Append(ProbabilityDecision.ThenPlatt(mlContext, shape.RequireOnnx, mlContext.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.NormalizedFeatures,
                LearningRate = (float)configuration.Float("learningRate"), L2Regularization = (float)configuration.Float("l2Regularization"),
                NumberOfIterations = configuration.Int("numberOfIterations"),
            })));
    }
}
