using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// LightGBM gradient-boosted trees, for every task. The space follows the ranges published for FLAML's LightGBM
/// learner: trees and leaves on log scales from 4 (the cheap start, followed by LightGBM's defaults), learning rate 2⁻¹⁰–1, L1 and L2 2⁻¹⁰–2¹⁰.
/// The bin count stays at 255: on tables of few distinct values every choice trains the same model, a trial wasted.
/// </summary>
internal sealed class LightGbmCandidate : TrainerCandidate
{
    public override string Name => "LightGbm";

    public override bool Supports(TaskKind task, DataShape shape) => shape?.TreesFit ?? true;

    public override SearchSpace CreateSpace(TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var maxLeaves = Math.Clamp(shape.Rows / 4, 4, 1024);
        var maxMinLeaf = Math.Clamp(shape.Rows / 10, 2, 128);
        List<Hyperparameter> parameters =
        [
            Hyperparameter.Integer("numberOfIterations", 4, 4096, 4, log: true),
            Hyperparameter.Integer("numberOfLeaves", 4, maxLeaves, 4, log: true),
            Hyperparameter.Integer("minimumExampleCountPerLeaf", 2, maxMinLeaf, Math.Min(20, maxMinLeaf), log: true),
            Hyperparameter.Float("learningRate", 1.0 / 1024, 1.0, 0.1, log: true),
            Hyperparameter.Float("featureFraction", 0.1, 1.0, 1.0),
            Hyperparameter.Float("l1Regularization", 1.0 / 1024, 1024, 1.0 / 1024, log: true),
            Hyperparameter.Float("l2Regularization", 1.0 / 1024, 1024, 1.0, log: true),
        ];
        if (shape.HasCategoricalSlots && !shape.RequireOnnx)
        {
            // LightGBM's own categorical splits over one-hot slot ranges: a featurization choice in the search. Not
            // under requireOnnx: the converter writes their nodes without a feature, which ONNX Runtime refuses to load.
            parameters.Add(Hyperparameter.Choice("useCategoricalSplit", ["false", "true"]));
        }

        if (LabelTransform.Applies(task, shape))
        {
            parameters.Add(LabelTransform.Choice());
        }

        return new SearchSpace(parameters, Suggestions(shape, parameters));
    }

    /// <summary>
    /// Known-good configurations tried right after the cheap start, in order. First LightGBM's own defaults: a strong
    /// point on most tables (its L2 is 0, here the range's floor; the start's L2 of 1 slows multiclass boosting,
    /// whose leaf hessians are small). Then XGBoost's defaults in LightGBM's terms (learning rate 0.3, depth 6 is up to
    /// 64 leaves, leaves down to single rows, L2 1), and a slower, subsampled ensemble (rate 0.05, 500 trees, 80 % of
    /// the features), which often generalises better than either. Categorical splits are not suggested: ONNX Runtime
    /// cannot run the converted trees, so a model that wins with them cannot be exported (the search may still reach
    /// them, and <c>RequireOnnx</c> removes them).
    /// </summary>
    private static List<IReadOnlyDictionary<string, double>> Suggestions(DataShape shape, List<Hyperparameter> parameters)
    {
        var minLeaf = parameters.Single(p => p.Name == "minimumExampleCountPerLeaf");
        double Leaf(double rows) => Math.Min(rows, minLeaf.High);
        var lightGbm = new Dictionary<string, double>
        {
            ["numberOfIterations"] = 100, ["numberOfLeaves"] = 31, ["minimumExampleCountPerLeaf"] = Leaf(20), ["learningRate"] = 0.1,
            ["l2Regularization"] = 1.0 / 1024,
        };
        List<IReadOnlyDictionary<string, double>> suggestions = [lightGbm];
        suggestions.Add(new Dictionary<string, double>
        {
            ["numberOfIterations"] = 100, ["numberOfLeaves"] = Math.Min(64, parameters.Single(p => p.Name == "numberOfLeaves").High),
            ["minimumExampleCountPerLeaf"] = Leaf(2), ["learningRate"] = 0.3, ["l2Regularization"] = 1,
        });
        suggestions.Add(new Dictionary<string, double>
        {
            ["numberOfIterations"] = 500, ["numberOfLeaves"] = 31, ["minimumExampleCountPerLeaf"] = Leaf(10), ["learningRate"] = 0.05,
            ["featureFraction"] = 0.8, ["l2Regularization"] = 1,
        });
        return suggestions;
    }

    public override double RelativeInitialCost(TaskKind task, DataShape shape) => shape?.TreeWidthFactor ?? 1;

    public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(shape);
        var perTree = shape.Work * configuration.Float("featureFraction") * (1 + Math.Log2(configuration.Int("numberOfLeaves")));
        return configuration.Int("numberOfIterations") * perTree * (task == TaskKind.Multiclass ? shape.Classes : 1);
    }

    public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(shape);
        var s = new Settings(configuration);

        // ML.NET's three option classes share these fields but no base type that holds them, hence three copies.
        // Deterministic: LightGBM's results then do not depend on the thread count.
        return task switch
        {
            TaskKind.Binary => ProbabilityDecision.OfCalibrated(mlContext, shape.RequireOnnx, mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                Deterministic = true, NumberOfThreads = shape.LightGbmThreads(1), Silent = true, Verbose = false,
            })),
            TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                Deterministic = true, NumberOfThreads = shape.LightGbmThreads(shape.Classes), Silent = true, Verbose = false,
            }),
            TaskKind.Regression => mlContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                Deterministic = true, NumberOfThreads = shape.LightGbmThreads(1), Silent = true, Verbose = false,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }

    /// <summary>A configuration read into LightGBM's terms.</summary>
    private sealed class Settings(Configuration c)
    {
        public int Iterations { get; } = c.Int("numberOfIterations");

        public int Leaves { get; } = c.Int("numberOfLeaves");

        public int MinLeaf { get; } = c.Int("minimumExampleCountPerLeaf");

        public double LearningRate { get; } = c.Float("learningRate");

        public bool CategoricalSplit { get; } = c.Has("useCategoricalSplit") && c.Choice("useCategoricalSplit") == "true";

        public GradientBooster.Options Booster() => new()
        {
            FeatureFraction = c.Float("featureFraction"),
            L1Regularization = c.Float("l1Regularization"),
            L2Regularization = c.Float("l2Regularization"),
        };
    }
}
