using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Trainers;

/// <summary>
/// Whatever the trainer, a binary model the engine returns answers the class its calibrated probability gives
/// (≥ 0.5 is the positive class) on rows it never saw: what the predict API shows side by side must agree.
/// </summary>
[Category("Slow")]
public class BinaryTrainerDecisionTests
{
    [TestCase("LightGbm")]
    [TestCase("FastTree")]
    [TestCase("FastForest")]
    [TestCase("Sdca")]
    [TestCase("Lbfgs")]
    [TestCase("LinearSvm")]
    [TestCase("AveragedPerceptron")]
    public async Task A_binary_model_labels_each_test_row_as_its_probability_does(string trainer)
    {
        var (table, schema) = await TestTables.LoadFileAsync(RepositoryPaths.SharedDataset("credit", "train.csv"));
        await using var test = File.OpenRead(RepositoryPaths.SharedDataset("credit", "test.csv"));
        var testRows = await TableLoader.LoadAsync(test, ',', schema, CancellationToken.None);
        var settings = new ExperimentSettings { LabelColumn = "Status", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 1, Ensemble = false, Trainers = [trainer] };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table.Select(Enumerable.Range(0, 800).ToArray()), schema, null, CancellationToken.None);
        var scored = result.Model.Transform(TabularDataView.WithoutLabel(testRows.Project(result.Inputs.Select(i => i.Name))));

        var probabilities = scored.GetColumn<float>(ReservedColumns.Probability).ToArray();
        Assert.That(scored.GetColumn<bool>(ReservedColumns.PredictedLabel).ToArray(), Is.EqualTo(probabilities.Select(p => p >= 0.5f).ToArray()));
    }
}
