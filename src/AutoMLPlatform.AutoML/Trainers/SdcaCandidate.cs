using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// SDCA linear models (logistic regression, maximum entropy, least squares) on normalized features. In ML.NET's
/// SDCA, <c>L1Regularization</c> is a soft threshold relative to L2; starting it at 1, as ML.NET AutoML does,
/// zeroes every weight on many tables. Here it starts near zero and is searched on a log scale.
/// </summary>
internal sealed class SdcaCandidate : TrainerCandidate
{
    public override string Name => "Sdca";

    public override bool Supports(TaskKind task, DataShape shape) => true;

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);

        // SDCA's steps scale with 1/(λn): below λ ≈ 0.1/n it was seen to diverge (least squares on 200 rows gave
        // scores off by thousands at λ = 1e-4). Start at λ = 1/n, search down to 0.1/n; on text n-grams, whose rows
        // have unit norm per block, start at the bottom (L-BFGS's 0.1 over a sum of losses is 0.1/n over their mean).
        var rows = Math.Max(1, shape.Rows);
        var lowest = Math.Clamp(0.1 / rows, 1e-7, 0.01);
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Float("l2Regularization", lowest, 10, shape.HasTextNgrams ? lowest : Math.Clamp(1.0 / rows, 1e-6, 0.1), log: true),
            Hyperparameter.Float("l1Regularization", 1e-6, 1, 1e-6, log: true),
            Hyperparameter.Integer("maximumNumberOfIterations", 4, 256, 8, log: true),
            Normalization.Choice(shape),
        ];
        if (LabelTransform.Applies(task, shape))
        {
            parameters.Add(LabelTransform.Choice());
        }

        return new SearchSpace(parameters);
    }

    public override double RelativeInitialCost(TaskKind task, DataShape shape) =>
        task == TaskKind.Multiclass ? Math.Max(1, shape.Classes / 4.0) : 1;

    public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Work * configuration.Int("maximumNumberOfIterations") * (task == TaskKind.Multiclass ? shape.Classes : 1);
    }

    public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        var l2 = (float)configuration.Float("l2Regularization");
        var l1 = (float)configuration.Float("l1Regularization");
        var iterations = configuration.Int("maximumNumberOfIterations");
        IEstimator<ITransformer> trainer = task switch
        {
            TaskKind.Binary => ProbabilityDecision.OfCalibrated(mlContext, shape.RequireOnnx, mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.NormalizedFeatures,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = shape.Threads,
            })),
            TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.NormalizedFeatures,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = shape.Threads,
            }),
            TaskKind.Regression => mlContext.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.NormalizedFeatures,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = shape.Threads,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
        return Normalization.Create(mlContext, configuration).Append(trainer);
    }
}
