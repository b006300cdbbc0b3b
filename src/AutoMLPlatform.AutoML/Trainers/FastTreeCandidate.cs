using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// ML.NET's FastTree (MART) boosted trees: binary (calibrated) and regression; multiclass one-versus-all when there
/// are few classes, since it trains one ensemble per class. ML.NET's defaults are suggested after the cheap start.
/// </summary>
internal sealed class FastTreeCandidate : TrainerCandidate
{
    /// <summary>
    /// Above this many classes one-versus-all costs too much to be worth a trial. Below it the trainer selector
    /// weighs the cost (a class's ensemble per class); on an 11-class table of 800 rows a forest was what won.
    /// </summary>
    public const int MaxOneVersusAllClasses = 30;

    public override string Name => "FastTree";

    public override bool Supports(TaskKind task, DataShape shape) =>
        shape is not null && shape.TreesFit && (task != TaskKind.Multiclass || shape.Classes <= MaxOneVersusAllClasses);

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var maxLeaves = Math.Clamp(shape.Rows / 4, 4, 512);
        var maxMinLeaf = Math.Clamp(shape.Rows / 10, 2, 128);
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Integer("numberOfTrees", 4, 2048, 4, log: true),
            Hyperparameter.Integer("numberOfLeaves", 4, maxLeaves, 4, log: true),
            Hyperparameter.Integer("minimumExampleCountPerLeaf", 2, maxMinLeaf, Math.Min(20, maxMinLeaf), log: true),
            Hyperparameter.Float("learningRate", 1.0 / 1024, 1.0, 0.1, log: true),
            Hyperparameter.Float("featureFraction", 0.3, 1.0, 1.0),
        ];
        if (LabelTransform.Applies(task, shape))
        {
            parameters.Add(LabelTransform.Choice());
        }

        return new SearchSpace(parameters,
        [
            new Dictionary<string, double> { ["numberOfTrees"] = 100, ["numberOfLeaves"] = 20, ["minimumExampleCountPerLeaf"] = 10, ["learningRate"] = 0.2 },
        ]);
    }

    public override double RelativeInitialCost(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return 1.5 * shape.TreeWidthFactor * (task == TaskKind.Multiclass ? shape.Classes : 1);
    }

    public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        var perTree = 1.5 * shape.Work * configuration.Float("featureFraction") * (1 + Math.Log2(configuration.Int("numberOfLeaves")));
        return configuration.Int("numberOfTrees") * perTree * (task == TaskKind.Multiclass ? shape.Classes : 1);
    }

    public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        var trees = configuration.Int("numberOfTrees");
        var leaves = configuration.Int("numberOfLeaves");
        var minLeaf = configuration.Int("minimumExampleCountPerLeaf");
        var rate = configuration.Float("learningRate");
        var fraction = configuration.Float("featureFraction");
        FastTreeBinaryTrainer.Options BinaryOptions() => new()
        {
            LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features, NumberOfTrees = trees, NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeaf, LearningRate = rate, FeatureFraction = fraction, NumberOfThreads = shape.Threads,
            HistogramPoolSize = TreeHistograms.PoolSize(leaves),
        };

        return task switch
        {
            TaskKind.Binary => ProbabilityDecision.OfCalibrated(mlContext, shape.RequireOnnx, mlContext.BinaryClassification.Trainers.FastTree(BinaryOptions())),
            TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.FastTree(BinaryOptions()), ReservedColumns.Label, useProbabilities: true),
            TaskKind.Regression => mlContext.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features, NumberOfTrees = trees, NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minLeaf, LearningRate = rate, FeatureFraction = fraction, NumberOfThreads = shape.Threads,
                HistogramPoolSize = TreeHistograms.PoolSize(leaves),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }
}
