using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

/// <summary>
/// The engine learns the same from a table whatever its columns are called: names that differ only in case, hold dots,
/// spaces, brackets or non-ASCII letters, or equal the names of the engine's own columns give the same trials and the
/// same predictions as plain names.
/// </summary>
[Category("Slow")]
public class ColumnNameTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task Awkward_column_names_train_and_predict_exactly_as_plain_names_do(bool ensemble)
    {
        var awkward = await RunAsync(AwkwardTables.Names, ensemble);
        var plain = await RunAsync(AwkwardTables.PlainNames, ensemble);

        Assert.Multiple(() =>
        {
            Assert.That(awkward.Trials, Is.EqualTo(plain.Trials));
            Assert.That(awkward.Probabilities, Is.EqualTo(plain.Probabilities));
            Assert.That(awkward.Inputs, Is.EqualTo(AwkwardTables.Names.SkipLast(1)));
        });
    }

    private static async Task<(string[] Trials, float[] Probabilities, string[] Inputs)> RunAsync(IReadOnlyList<string> names, bool ensemble)
    {
        var (table, schema) = await TestTables.LoadAsync(AwkwardTables.Csv(names, rows: 300));
        var settings = new ExperimentSettings { LabelColumn = names[^1], TimeBudget = TimeSpan.FromMinutes(5), MaxTrials = 14, Seed = 3, Ensemble = ensemble };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        var scored = result.Model.Transform(TableViews.ForPrediction(table, names[^1]));
        var probabilities = scored.GetColumn<float>(scored.Schema[ReservedColumns.Probability]).ToArray();
        var trials = result.Trials.Select(t => $"{t.Trainer} {string.Join(",", t.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"))} {t.Score:R}").ToArray();
        return (trials, probabilities, result.Inputs.Select(i => i.Name).ToArray());
    }
}
