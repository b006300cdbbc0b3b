using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

[Category("Slow")]
public class ReproducibilityTests
{
    [TestCase(TunerKind.CostFrugal)]
    [TestCase(TunerKind.Random)]
    [TestCase(TunerKind.Tpe)]
    public async Task A_seed_and_a_trial_limit_repeat_a_run_exactly(TunerKind tuner)
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(400));
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromMinutes(5), MaxTrials = 20, Seed = 11, Tuner = tuner };

        var first = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);
        var second = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        Assert.That(Describe(second), Is.EqualTo(Describe(first)));
    }

    [Test]
    public async Task Another_seed_searches_differently()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(400));
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromMinutes(5), MaxTrials = 10, Seed = 11 };

        var first = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);
        var second = await new AutoMLExperiment(new MLContext(1), new ExperimentSettings
        {
            LabelColumn = "y", TimeBudget = TimeSpan.FromMinutes(5), MaxTrials = 10, Seed = 12,
        }).RunAsync(table, schema, null, CancellationToken.None);

        Assert.That(Describe(second), Is.Not.EqualTo(Describe(first)));
    }

    /// <summary>Every trial's trainer, settings and score, as one comparable list.</summary>
    private static IReadOnlyList<string> Describe(ExperimentResult result) => result.Trials
        .Select(t => $"{t.Trainer} {string.Join(",", t.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"))} {t.Score:R}")
        .ToArray();
}
