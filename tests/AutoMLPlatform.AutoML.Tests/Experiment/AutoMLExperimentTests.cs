using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

[Category("Slow")]
public class AutoMLExperimentTests
{
    [Test]
    public async Task A_planted_linear_rule_is_learned_well_above_chance()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(600));
        var experiment = new AutoMLExperiment(new MLContext(1), new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(10) });

        var result = await experiment.RunAsync(table, schema, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Task, Is.EqualTo(TaskKind.Binary));
            Assert.That(result.BestTrial.Metrics["auc"], Is.GreaterThan(0.9), "5 % label noise caps AUC near 0.95");
            Assert.That(result.Inputs.Select(i => i.Name), Is.EquivalentTo(new[] { "x1", "x2", "color" }));
        });
    }

    [Test]
    public async Task A_missing_label_column_is_an_input_error()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(50));
        var experiment = new AutoMLExperiment(new MLContext(1), new ExperimentSettings { LabelColumn = "nope", TimeBudget = TimeSpan.FromSeconds(5) });

        var error = Assert.ThrowsAsync<InvalidInputException>(() => experiment.RunAsync(table, schema, null, CancellationToken.None));

        Assert.That(error!.ErrorCode, Is.EqualTo("unknown-label"));
    }

    [Test]
    public async Task A_cancelled_run_stops_with_a_cancellation()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(600));
        var experiment = new AutoMLExperiment(new MLContext(1), new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30) });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await experiment.RunAsync(table, schema, null, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
