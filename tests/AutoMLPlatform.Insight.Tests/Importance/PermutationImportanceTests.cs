using System.Globalization;
using System.Text;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Insight.Importance;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.Insight.Tests.Importance;

[Category("Slow")]
public class PermutationImportanceTests
{
    private LoadedTable _table = null!;
    private ExperimentResult _trained = null!;

    [OneTimeSetUp]
    public async Task TrainOnPlantedData()
    {
        var (table, schema) = await TestTables.LoadAsync(PlantedCsv(800));
        _table = table;
        var experiment = new AutoMLExperiment(new MLContext(1), new ExperimentSettings
        {
            LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 4, Ensemble = false,
        });
        _trained = await experiment.RunAsync(table, schema, null, CancellationToken.None);
    }

    [Test]
    public void The_planted_informative_column_ranks_first()
    {
        var importance = Compute(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(importance!.Columns[0].Column, Is.EqualTo("signal"));
            Assert.That(importance.Columns[0].Mean, Is.GreaterThan(importance.Columns.Skip(1).Max(c => c.Mean) + 0.1));
            Assert.That(importance.Repeats, Is.EqualTo(PermutationImportanceOptions.DefaultRepeats));
            Assert.That(importance.Columns.Select(c => c.Column), Is.EquivalentTo(new[] { "signal", "noise_a", "noise_b", "tag" }));
            Assert.That(importance.Columns[0].StandardDeviation, Is.GreaterThan(0), "five shuffles do not all hurt equally");
        });
    }

    [Test]
    public void No_time_at_all_computes_nothing()
    {
        var importance = Compute(TimeSpan.Zero);

        Assert.That(importance, Is.Null);
    }

    [Test]
    public void The_engines_validation_predictions_reproduce_the_leaderboard_metrics()
    {
        var validation = _trained.ValidationPredictions!;

        var metrics = validation.Metrics();

        Assert.Multiple(() =>
        {
            Assert.That(validation.Rows, Is.EqualTo(_table.RowCount));
            Assert.That(metrics["auc"], Is.EqualTo(_trained.BestTrial.Metrics["auc"]).Within(1e-9));
            Assert.That(metrics["logloss"], Is.EqualTo(_trained.BestTrial.Metrics["logloss"]).Within(1e-9));
        });
    }

    private Core.Insight.FeatureImportance? Compute(TimeSpan allowed) => new PermutationImportance(TimeProvider.System).Compute(
        _trained.Model, _table, "y", _trained.Labels, _trained.Inputs.Select(i => i.Name).ToArray(), MetricKind.Auc, "training rows",
        new PermutationImportanceOptions(), allowed, CancellationToken.None);

    /// <summary><c>y</c> is "yes" when <c>signal &gt; 0</c> (5 % label noise); the other columns are noise.</summary>
    private static string PlantedCsv(int rows)
    {
        var random = new Random(11);
        var text = new StringBuilder("noise_a,signal,tag,noise_b,y\n");
        string[] tags = ["p", "q", "r", "s"];
        for (var i = 0; i < rows; i++)
        {
            var signal = random.NextDouble() * 2 - 1;
            var positive = signal > 0 ^ random.NextDouble() < 0.05;
            text.Append(CultureInfo.InvariantCulture,
                $"{random.NextDouble():F4},{signal:F4},{tags[random.Next(4)]},{random.NextDouble() * 10:F3},{(positive ? "yes" : "no")}\n");
        }

        return text.ToString();
    }
}
