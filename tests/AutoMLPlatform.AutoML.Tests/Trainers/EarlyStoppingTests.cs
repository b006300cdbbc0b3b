using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.AutoML.Trials;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Trainers;

/// <summary>
/// LightGBM trials watch their fold's validation rows and stop adding rounds once the loss there stops falling; the
/// refit on all rows trains the rounds the folds kept.
/// </summary>
public class EarlyStoppingTests
{
    [TestCase(TaskKind.Binary)]
    [TestCase(TaskKind.Multiclass)]
    [TestCase(TaskKind.Regression)]
    public void Boosting_that_overfits_keeps_the_rounds_up_to_its_best_on_the_validation_rows_and_its_refit_trains_as_many(TaskKind task)
    {
        var (features, train, validation, classes) = NoisyData(task);
        var candidate = new LightGbmCandidate();
        var shape = new DataShape(train.Length, features.Dimension, classes, NonNegativeLabel: false, HasCategoricalSlots: false, Deterministic: true);
        var configuration = candidate.CreateSpace(task, shape).Initial()
            .With("numberOfIterations", 1000).With("learningRate", 0.5).With("numberOfLeaves", 31).With("minimumExampleCountPerLeaf", 2);
        var mlContext = new MLContext(1);

        var early = candidate.CreateEarlyStopping(mlContext, task, configuration, shape, features.View(validation))!;
        var stopped = early.Estimator.Fit(features.View(train));
        var all = candidate.CreateEstimator(mlContext, task, configuration, shape).Fit(features.View(train));
        var kept = early.RoundsKept!.Value;
        var again = candidate.CreateEstimator(mlContext, task, candidate.WithRounds(configuration, kept), shape).Fit(features.View(train));

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.InRange(1, 1000 - EarlyStopping.Patience(1000)));
            Assert.That(Loss(mlContext, task, stopped, features.View(validation)), Is.LessThan(Loss(mlContext, task, all, features.View(validation))));
            Assert.That(Scores(again, features.View(validation)), Is.EqualTo(Scores(stopped, features.View(validation))).Within(1e-5));
        });
    }

    [Test]
    [Category("Slow")]
    public async Task The_leaderboard_shows_the_rounds_each_LightGbm_trial_kept()
    {
        var (table, schema) = await TestTables.LoadFileAsync(RepositoryPaths.SharedDataset("penguins", "train.csv"));
        var settings = new ExperimentSettings
        {
            LabelColumn = "species", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 4, Ensemble = false, Trainers = ["LightGbm"], Seed = 3,
        };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);
        var trials = result.Trials.Where(t => t.Error is null).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(trials, Has.Length.EqualTo(4));
            Assert.That(trials.Select(t => Convert.ToInt32(t.Hyperparameters["roundsKept"])),
                Is.EqualTo(trials.Select(t => Math.Min(Convert.ToInt32(t.Hyperparameters["roundsKept"]), Convert.ToInt32(t.Hyperparameters["numberOfIterations"])))));
            Assert.That(trials.Any(t => Convert.ToInt32(t.Hyperparameters["roundsKept"]) < Convert.ToInt32(t.Hyperparameters["numberOfIterations"])), Is.True);
        });
    }

    [Test]
    public async Task A_trial_is_scored_at_the_one_round_count_its_refit_trains_not_at_each_fold_s_own_best()
    {
        var (table, schema) = await TestTables.LoadFileAsync(RepositoryPaths.SharedDataset("penguins", "train.csv"));
        var settings = new ExperimentSettings { LabelColumn = "species", TimeBudget = TimeSpan.FromMinutes(2), Seed = 3 };
        var experiment = ExperimentPreparer.Prepare(table, schema, settings);
        var (sets, _) = await FeatureSetBuilder.BuildAsync(experiment, EmbeddingPlan.None(), null, 3, TimeProvider.System, CancellationToken.None);
        var runner = new MLNetTrialRunner(experiment, sets.Sets[0], false, new SearchBudget(TimeProvider.System, TimeProvider.System.GetTimestamp(), TimeSpan.FromMinutes(2)),
            new MemoryGuard(MemoryGuard.DefaultLimit()), TimeProvider.System, 3);
        var candidate = new LightGbmCandidate();
        var shape = new DataShape(experiment.Validation.Folds[0].Train.Length, sets.Sets[0].Data.Dimension, experiment.Classes, false, false, true);
        var configuration = candidate.CreateSpace(TaskKind.Multiclass, shape).Initial()
            .With("numberOfIterations", 1000).With("learningRate", 0.5).With("numberOfLeaves", 31).With("minimumExampleCountPerLeaf", 2);

        var stopped = await runner.RunAsync(2, candidate, configuration, shape, isFirst: false, CancellationToken.None);
        var rounds = Convert.ToInt32(stopped.Hyperparameters["roundsKept"]);
        var fixedRounds = await runner.RunAsync(2, new NeverStopping(candidate), candidate.WithRounds(configuration, rounds), shape, isFirst: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(rounds, Is.LessThan(1000));
            Assert.That(stopped.MLNet!.Value.Configuration.Int("numberOfIterations"), Is.EqualTo(rounds));
            Assert.That(stopped.Metrics["logloss"], Is.EqualTo(fixedRounds.Metrics["logloss"]).Within(1e-9));
        });
    }

    /// <summary>Two informative features and three of noise, labels with noise: a thousand rounds at rate 0.5 overfit.</summary>
    private static (FeaturizedData Features, int[] Train, int[] Validation, int Classes) NoisyData(TaskKind task)
    {
        const int rows = 600;
        var random = new Random(7);
        var columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var signal = columns[0].Select((v, i) => v + columns[1][i] + (float)random.NextDouble()).ToArray();
        TableColumn label = task switch
        {
            TaskKind.Regression => new NumericColumn("y", signal),
            TaskKind.Binary => new StringColumn("y", ColumnType.Categorical, signal.Select(s => s > 1.5 ? "yes" : "no").ToArray()),
            _ => new StringColumn("y", ColumnType.Categorical, signal.Select(s => s < 1.2 ? "low" : s < 1.8 ? "mid" : "high").ToArray()),
        };
        var table = new LoadedTable([.. columns.Select((c, i) => (TableColumn)new NumericColumn($"x{i}", c)), label], rows);
        var encoding = task == TaskKind.Regression ? LabelEncoding.Regression : LabelEncodingBuilder.Build(label, task);
        var mlContext = new MLContext(1);
        var view = TabularDataView.WithLabel(table, "y", encoding);
        var decisions = Enumerable.Range(0, 5).Select(i => new ColumnDecision($"x{i}", ColumnType.Numeric, ColumnRole.Numeric, "")).ToArray();
        var featurizer = FeaturePipelineBuilder.Build(mlContext, decisions, []).Fit(view);
        var features = FeaturizedData.Materialize(featurizer.Transform(view), view, CancellationToken.None);
        return (features, Enumerable.Range(0, 450).ToArray(), Enumerable.Range(450, 150).ToArray(), task == TaskKind.Regression ? 1 : encoding.Classes.Count);
    }

    /// <summary>LightGbm as it was before early stopping: the configured rounds, always.</summary>
    private sealed class NeverStopping(TrainerCandidate inner) : TrainerCandidate
    {
        public override string Name => inner.Name;

        public override bool Supports(TaskKind task, DataShape shape) => inner.Supports(task, shape);

        public override SearchSpace CreateSpace(TaskKind task, DataShape shape) => inner.CreateSpace(task, shape);

        public override double RelativeInitialCost(TaskKind task, DataShape shape) => inner.RelativeInitialCost(task, shape);

        public override double EstimateCost(Configuration configuration, TaskKind task, DataShape shape) => inner.EstimateCost(configuration, task, shape);

        public override IEstimator<ITransformer> CreateEstimator(MLContext mlContext, TaskKind task, Configuration configuration, DataShape shape) =>
            inner.CreateEstimator(mlContext, task, configuration, shape);
    }

    private static double Loss(MLContext mlContext, TaskKind task, ITransformer model, IDataView validation)
    {
        var scored = model.Transform(validation);
        return task switch
        {
            TaskKind.Binary => mlContext.BinaryClassification.Evaluate(scored, ReservedColumns.Label).LogLoss,
            TaskKind.Multiclass => mlContext.MulticlassClassification.Evaluate(scored, ReservedColumns.Label).LogLoss,
            _ => mlContext.Regression.Evaluate(scored, ReservedColumns.Label).MeanSquaredError,
        };
    }

    private static float[] Scores(ITransformer model, IDataView validation)
    {
        var scored = model.Transform(validation);
        return scored.Schema[ReservedColumns.Score].Type is VectorDataViewType
            ? scored.GetColumn<VBuffer<float>>(ReservedColumns.Score).SelectMany(v => v.DenseValues()).ToArray()
            : scored.GetColumn<float>(ReservedColumns.Score).ToArray();
    }
}
