using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

/// <summary>
/// One run per task on the shared datasets, with small budgets, scored on their test splits. The floors are well
/// below what a 60 s run reaches (docs/automl.md: AUC 0.87, accuracy 0.99, R² 0.92) and above what a constant
/// model or a broken pipeline would (AUC 0.5, accuracy 0.44, R² 0).
/// </summary>
[Category("Slow")]
public class SharedDataTests
{
    [Test]
    public async Task Credit_status_is_predicted_with_a_useful_auc()
    {
        var (result, test) = await RunAsync("credit", "Status", 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Task, Is.EqualTo(TaskKind.Binary));
            Assert.That(result.Validation, Does.StartWith("5-fold cross-validation"));
            Assert.That(result.Refit, Does.Contain("all 3563"));
            Assert.That(test["auc"], Is.GreaterThan(0.8), Describe(result));
        });
    }

    [Test]
    public async Task Penguin_species_are_classified_accurately()
    {
        var (result, test) = await RunAsync("penguins", "species", 8);

        Assert.Multiple(() =>
        {
            Assert.That(result.Task, Is.EqualTo(TaskKind.Multiclass));
            Assert.That(test["accuracy"], Is.GreaterThan(0.9), Describe(result));
        });
    }

    [Test]
    public async Task Ames_sale_prices_are_predicted_with_a_high_r2()
    {
        var (result, test) = await RunAsync("ames", "Sale_Price", 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Task, Is.EqualTo(TaskKind.Regression));
            Assert.That(result.Metric, Is.EqualTo(MetricKind.Rmse));
            Assert.That(test["r2"], Is.GreaterThan(0.8), Describe(result));
        });
    }

    private static string Describe(ExperimentResult result) =>
        $"{result.BestTrial.Trainer} {string.Join(", ", result.BestTrial.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"))}; {result.Refit}";

    /// <summary>Trains on the dataset's training split and scores its test split, read with the training schema.</summary>
    private static async Task<(ExperimentResult Result, IReadOnlyDictionary<string, double> Test)> RunAsync(string dataset, string label, int seconds)
    {
        var (table, schema) = await TestTables.LoadFileAsync(RepositoryPaths.SharedDataset(dataset, "train.csv"));
        var settings = new ExperimentSettings { LabelColumn = label, TimeBudget = TimeSpan.FromSeconds(seconds) };
        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);
        await using var test = File.OpenRead(RepositoryPaths.SharedDataset(dataset, "test.csv"));
        var testTable = await TableLoader.LoadAsync(test, ',', schema, CancellationToken.None);
        return (result, ModelEvaluator.Evaluate(result.Model, testTable, label, result.Labels));
    }
}
