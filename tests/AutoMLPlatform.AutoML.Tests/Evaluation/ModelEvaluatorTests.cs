using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Evaluation;

[Category("Slow")]
public class ModelEvaluatorTests
{
    [Test]
    public async Task A_packaged_binary_model_scores_well_on_fresh_rows_of_its_rule()
    {
        var model = await TrainPackagedAsync(TestTables.BinaryCsv(300), "y");
        var (fresh, _) = await TestTables.LoadAsync(TestTables.BinaryCsv(200, seed: 99));

        var evaluation = ModelEvaluator.Evaluate(new MLContext(1), model, fresh);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Rows, Is.EqualTo(200));
            Assert.That(evaluation.Metrics["auc"], Is.GreaterThan(0.9));
        });
    }

    [Test]
    public async Task A_packaged_binary_model_scores_near_chance_on_rows_whose_labels_are_flipped()
    {
        var model = await TrainPackagedAsync(TestTables.BinaryCsv(300), "y");
        var flipped = TestTables.BinaryCsv(200, seed: 99).Replace(",yes\n", ",tmp\n").Replace(",no\n", ",yes\n").Replace(",tmp\n", ",no\n");
        var (fresh, _) = await TestTables.LoadAsync(flipped);

        var evaluation = ModelEvaluator.Evaluate(new MLContext(1), model, fresh);

        Assert.That(evaluation.Metrics["auc"], Is.LessThan(0.2));
    }

    [Test]
    public async Task A_packaged_multiclass_model_is_scored_with_every_multiclass_metric()
    {
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Samples, "penguins", "train.csv"));
        var model = await TrainPackagedAsync(csv, "species");
        var (test, _) = await TestTables.LoadFileAsync(Path.Combine(RepositoryPaths.Samples, "penguins", "test.csv"));

        var evaluation = ModelEvaluator.Evaluate(new MLContext(1), model, test);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Metrics.Keys, Is.EquivalentTo(new[] { "accuracy", "macro_f1", "logloss" }));
            Assert.That(evaluation.Metrics["accuracy"], Is.GreaterThan(0.8));
        });
    }

    [Test]
    public async Task Rows_that_lack_a_column_the_model_reads_are_refused_naming_it()
    {
        var model = await TrainPackagedAsync(TestTables.BinaryCsv(300), "y");
        var (table, _) = await TestTables.LoadAsync(TestTables.BinaryCsv(50, seed: 3));

        var error = Assert.Throws<IncompatibleDataException>(() => ModelEvaluator.Evaluate(new MLContext(1), model, table.Project(["x1", "color", "y"])));

        Assert.That(error!.Message, Does.Contain("'x2' is missing"));
    }

    [Test]
    public async Task Rows_with_a_class_the_model_never_saw_are_refused_naming_it()
    {
        var model = await TrainPackagedAsync(TestTables.BinaryCsv(300), "y");
        var (table, _) = await TestTables.LoadAsync(TestTables.BinaryCsv(50, seed: 3).Replace(",yes\n", ",maybe\n"));

        var error = Assert.Throws<IncompatibleDataException>(() => ModelEvaluator.Evaluate(new MLContext(1), model, table));

        Assert.That(error!.Message, Does.Contain("'maybe'"));
    }

    private static async Task<LoadedModel> TrainPackagedAsync(string csv, string label)
    {
        var (table, schema) = await TestTables.LoadAsync(csv);
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings { LabelColumn = label, TimeBudget = TimeSpan.FromSeconds(10), MaxTrials = 1 })
            .RunAsync(table, schema, null, CancellationToken.None);
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, label, result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema, manifest);
        buffer.Position = 0;
        return ModelPackage.Read(buffer, new MLContext(2));
    }
}
