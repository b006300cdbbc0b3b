using System.Reflection;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
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

    public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape) =>
        Create(mlContext, task, configuration, shape, validation: null).Estimator;

    /// <summary>
    /// Boosting watches the validation rows by their log loss (L2 for regression) and stops after
    /// <see cref="EarlyStopping.Patience"/> rounds without improvement; the model keeps the rounds up to the best.
    /// </summary>
    public override EarlyStopping? CreateEarlyStopping(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape, IDataView validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return Create(mlContext, task, configuration, shape, validation);
    }

    public override Configuration WithRounds(Configuration configuration, int rounds)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.With("numberOfIterations", rounds);
    }

    private static EarlyStopping Create(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape, IDataView? validation)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(shape);
        var s = new Settings(configuration);
        var patience = validation is null ? 0 : EarlyStopping.Patience(s.Iterations);

        // ML.NET's three option classes share these fields but no base type that holds them, hence three copies.
        // Deterministic: LightGBM's results then do not depend on the thread count.
        switch (task)
        {
            case TaskKind.Binary:
                var binary = mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                    NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                    UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                    Deterministic = true, NumberOfThreads = shape.LightGbmThreads(1), Silent = true, Verbose = false,
                    EarlyStoppingRound = patience, EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
                });
                var watchedBinary = Watch(binary, validation, binary.Fit, m => Rounds(m.Model.SubModel));
                return new EarlyStopping(ProbabilityDecision.OfCalibrated(mlContext, shape.RequireOnnx, watchedBinary), () => watchedBinary.RoundsKept);
            case TaskKind.Multiclass:
                var multiclass = mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                {
                    LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                    NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                    UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                    Deterministic = true, NumberOfThreads = shape.LightGbmThreads(shape.Classes), Silent = true, Verbose = false,
                    EarlyStoppingRound = patience, EvaluationMetric = LightGbmMulticlassTrainer.Options.EvaluateMetricType.LogLoss,
                });
                var watchedMulticlass = Watch(multiclass, validation, multiclass.Fit, m => Rounds(FirstClassPart(m.Model)));
                return new EarlyStopping(watchedMulticlass, () => watchedMulticlass.RoundsKept);
            case TaskKind.Regression:
                var regression = mlContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                {
                    LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features,
                    NumberOfIterations = s.Iterations, NumberOfLeaves = s.Leaves, MinimumExampleCountPerLeaf = s.MinLeaf, LearningRate = s.LearningRate,
                    UseCategoricalSplit = s.CategoricalSplit, Booster = s.Booster(),
                    Deterministic = true, NumberOfThreads = shape.LightGbmThreads(1), Silent = true, Verbose = false,
                    EarlyStoppingRound = patience,
                });
                var watchedRegression = Watch(regression, validation, regression.Fit, m => Rounds(m.Model));
                return new EarlyStopping(watchedRegression, () => watchedRegression.RoundsKept);
            default:
                throw new ArgumentOutOfRangeException(nameof(task));
        }
    }

    private static WatchingEstimator<TTransformer> Watch<TTransformer>(IEstimator<TTransformer> trainer, IDataView? validation,
        Func<IDataView, IDataView, TTransformer> fit, Func<TTransformer, int> rounds)
        where TTransformer : ITransformer => new(trainer, validation, fit, rounds);

    /// <summary>Boosting rounds in a fitted LightGBM model (for multiclass, in one class's part: one tree per class and round).</summary>
    private static int Rounds(object model) => model switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree trees => trees.TrainedTreeEnsemble.Trees.Count,
        CalibratedModelParametersBase calibrated => Rounds(calibrated.SubModel),
        _ => throw new InvalidOperationException($"Not a LightGBM tree ensemble: {model.GetType().Name}."),
    };

    /// <summary>
    /// The first class's part of a one-versus-all model. ML.NET keeps the parts' property internal (it is public only
    /// in its documentation), so it is read by reflection; a version without it fails the trial with this message.
    /// </summary>
    private static object FirstClassPart(OneVersusAllModelParameters model)
    {
        var parts = typeof(OneVersusAllModelParameters).GetProperty("SubModelParameters", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(model);
        return (parts as System.Collections.IEnumerable)?.Cast<object>().FirstOrDefault()
            ?? throw new InvalidOperationException("The one-versus-all model shows no per-class parts to count LightGBM's rounds in.");
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
