using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.External;
using AutoMLPlatform.Torch.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Tests.External;

[Category("Slow")]
public class TorchTextTrainerTests
{
    [Test]
    public async Task In_an_experiment_the_network_runs_as_a_trial_and_is_refit_as_the_returned_model()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Sentiments, 300));

        var result = await RunAsync(table, schema, trainers: []);

        Assert.Multiple(() =>
        {
            Assert.That(result.Trials.Select(t => t.Trainer), Is.All.EqualTo(TorchTextTrainer.TrainerName));
            Assert.That(result.Trials[0].Error, Is.Null);
            Assert.That(result.Trials[0].Score, Is.GreaterThan(0.85), "AUC on the engine's validation rows; chance is a half");
            Assert.That(result.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "review" }));
            Assert.That(result.Refit, Does.StartWith("trial"), "refit on all rows");
            Assert.That(result.Model, Is.InstanceOf<TextClassificationTransformer>());
        });
    }

    [Test]
    public async Task The_experiments_text_model_round_trips_through_the_package_with_identical_predictions()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Sentiments, 300));
        var result = await RunAsync(table, schema, trainers: []);
        var texts = TestTexts.Make(TestTexts.Sentiments, 40, seed: 5).Texts;

        var loaded = RoundTrip(result);

        var before = Predict(result.Model, texts);
        var after = Predict(loaded.Transformer, texts);
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Manifest.Parts.Select(p => p.Kind), Is.EqualTo(new[] { TextClassificationTransformer.PartKind }));
            Assert.That(after.Select(p => p.Probability), Is.EqualTo(before.Select(p => p.Probability)));
            Assert.That(after.Select(p => p.PredictedLabel), Is.EqualTo(before.Select(p => p.PredictedLabel)));
            Assert.That(before.Select(p => p.PredictedLabel).Distinct().Count(), Is.EqualTo(2), "a model that learned something");
        });
    }

    [Test]
    public async Task A_multiclass_model_answers_in_the_engines_class_order_and_scores_well_on_unseen_rows()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Topics, 300));
        var result = await RunAsync(table, schema, trainers: []);
        var (test, _) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Topics, 120, seed: 5));

        var metrics = ModelEvaluator.Evaluate(result.Model, test, "label", result.Labels);

        Assert.Multiple(() =>
        {
            Assert.That(result.Task, Is.EqualTo(TaskKind.Multiclass));
            Assert.That(result.BestTrial.Trainer, Is.EqualTo(TorchTextTrainer.TrainerName));
            Assert.That(metrics["accuracy"], Is.GreaterThan(0.75), "chance is a third; a wrong class order would score near it");
        });
    }

    [Test]
    public async Task Next_to_the_mlnet_trainers_the_network_is_tried_in_the_same_search()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Sentiments, 300));

        var result = await RunAsync(table, schema, trainers: null, maxTrials: 12);

        Assert.Multiple(() =>
        {
            Assert.That(result.Trials.Where(t => t.Trainer == TorchTextTrainer.TrainerName), Is.Not.Empty);
            Assert.That(result.Trials.Where(t => t.Trainer != TorchTextTrainer.TrainerName && !t.Trainer.StartsWith("Ensemble", StringComparison.Ordinal)), Is.Not.Empty);
        });
    }

    [TestCase(TaskKind.Binary, ColumnRole.Text, true)]
    [TestCase(TaskKind.Multiclass, ColumnRole.Text, true)]
    [TestCase(TaskKind.Regression, ColumnRole.Text, false)]
    [TestCase(TaskKind.Binary, ColumnRole.Categorical, false)]
    public void The_network_trains_on_classification_tables_with_a_free_text_column(TaskKind task, ColumnRole role, bool expected)
    {
        var plan = new ExperimentPlan(task, "given", Metrics.DefaultFor(task),
            [new ColumnDecision("n", ColumnType.Numeric, ColumnRole.Numeric, "numeric"), new ColumnDecision("review", ColumnType.Text, role, "test"),
                new ColumnDecision("label", ColumnType.Categorical, ColumnRole.Label, "label")], "holdout");

        var canTrain = new TorchTextTrainer().CanTrain(plan);

        Assert.That(canTrain, Is.EqualTo(expected));
    }

    private static Task<ExperimentResult> RunAsync(Core.Tables.LoadedTable table, DatasetSchema schema, IReadOnlyList<string>? trainers, int maxTrials = 1) =>
        new AutoMLExperiment(new MLContext(1), new ExperimentSettings
        {
            LabelColumn = "label",
            TimeBudget = TimeSpan.FromSeconds(120),
            MaxTrials = maxTrials,
            Trainers = trainers,
            ExternalTrainers = [new TorchTextTrainer()],
        }).RunAsync(table, schema, monitor: null, CancellationToken.None);

    private static LoadedModel RoundTrip(ExperimentResult result)
    {
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "label", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, new MLContext(1), result.Model, result.InputSchema, manifest);
        buffer.Position = 0;
        return ModelPackage.Read(buffer, new MLContext(2), TorchModels.Loaders);
    }

    private static BinaryPrediction[] Predict(ITransformer model, List<string> texts)
    {
        var engine = new MLContext(3).Model.CreatePredictionEngine<ReviewRow, BinaryPrediction>(model);
        return texts.Select(t => engine.Predict(new ReviewRow { Review = t })).ToArray();
    }

    private sealed class ReviewRow
    {
        [ColumnName("review")]
        public string Review { get; set; } = "";
    }

    private sealed class BinaryPrediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }
    }
}
