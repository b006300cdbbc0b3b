using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// ML.NET's FastForest random forest: regression, binary (its scores are not probabilities, so a Platt calibrator
/// follows) and multiclass one-versus-all for few classes. Diverse from boosting, which helps an ensemble. ML.NET's defaults are suggested after the cheap start.
/// </summary>
internal sealed class FastForestCandidate : TrainerCandidate
{
    public override string Name => "FastForest";

    public override bool Supports(TaskKind task, DataShape shape) =>
        shape is not null && shape.TreesFit && (task != TaskKind.Multiclass || shape.Classes <= FastTreeCandidate.MaxOneVersusAllClasses);

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var maxLeaves = Math.Clamp(shape.Rows / 2, 4, 4096);
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Integer("numberOfTrees", 4, 1024, 4, log: true),
            Hyperparameter.Integer("numberOfLeaves", 4, maxLeaves, 4, log: true),
            Hyperparameter.Integer("minimumExampleCountPerLeaf", 1, 64, 2, log: true),
            Hyperparameter.Float("featureFractionPerSplit", 0.1, 1.0, 1.0),
        ];
        if (LabelTransform.Applies(task, shape))
        {
            parameters.Add(LabelTransform.Choice());
        }

        // Breiman's random forest first (trees grown out, a random subset of features at each split: √d of d for
        // classification, d/3 for regression, leaves of 1 or 5 rows), a strong model on small noisy tables where
        // ML.NET's own defaults (then) grow only 20 leaves.
        var features = Math.Max(1, shape.Features);
        var perSplit = task == TaskKind.Regression ? 1.0 / 3 : Math.Sqrt(features) / features;
        return new SearchSpace(parameters,
        [
            new Dictionary<string, double>
            {
                ["numberOfTrees"] = 200, ["numberOfLeaves"] = maxLeaves, ["minimumExampleCountPerLeaf"] = task == TaskKind.Regression ? 5 : 1,
                ["featureFractionPerSplit"] = Math.Clamp(perSplit, 0.1, 1.0),
            },
            new Dictionary<string, double> { ["numberOfTrees"] = 100, ["numberOfLeaves"] = 20, ["minimumExampleCountPerLeaf"] = 10 },
        ]);
    }

    public override double RelativeInitialCost(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return 2 * shape.TreeWidthFactor * (task == TaskKind.Multiclass ? shape.Classes : 1);
    }

    public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        var perTree = 2 * shape.Work * (1 + Math.Log2(configuration.Int("numberOfLeaves")));
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
        var perSplit = configuration.Float("featureFractionPerSplit");
        FastForestBinaryTrainer Binary() => mlContext.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features, NumberOfTrees = trees, NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeaf, FeatureFractionPerSplit = perSplit, NumberOfThreads = shape.Threads,
            HistogramPoolSize = TreeHistograms.PoolSize(leaves),
        });

        return task switch
        {
            TaskKind.Binary => ProbabilityDecision.ThenPlatt(mlContext, shape.RequireOnnx, Binary()),
            TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.OneVersusAll(
                Binary(), ReservedColumns.Label, useProbabilities: true),
            TaskKind.Regression => mlContext.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features, NumberOfTrees = trees, NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minLeaf, FeatureFractionPerSplit = perSplit, NumberOfThreads = shape.Threads,
                HistogramPoolSize = TreeHistograms.PoolSize(leaves), NumberOfQuantileSamples = 0,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }
}
