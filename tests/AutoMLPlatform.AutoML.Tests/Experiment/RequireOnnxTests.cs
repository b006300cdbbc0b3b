using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Tests.External;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

/// <summary>With <c>RequireOnnx</c> the search offers only steps that ML.NET's ONNX converter writes and ONNX Runtime runs.</summary>
public class RequireOnnxTests
{
    [TestCase(false, true)]
    [TestCase(true, false)]
    public void LightGbm_offers_categorical_splits_only_without_requireOnnx(bool requireOnnx, bool offered)
    {
        var shape = new DataShape(500, 20, 2, NonNegativeLabel: false, HasCategoricalSlots: true, Deterministic: true, RequireOnnx: requireOnnx);

        var space = new LightGbmCandidate().CreateSpace(TaskKind.Binary, shape);

        Assert.That(space.Parameters.Any(p => p.Name == "useCategoricalSplit"), Is.EqualTo(offered));
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public void Regression_offers_the_log_target_only_without_requireOnnx(bool requireOnnx, bool offered)
    {
        var shape = new DataShape(500, 20, 1, NonNegativeLabel: true, HasCategoricalSlots: false, Deterministic: true, RequireOnnx: requireOnnx);

        var space = new FastTreeCandidate().CreateSpace(TaskKind.Regression, shape);

        Assert.That(space.Parameters.Any(p => p.Name == LabelTransform.Parameter), Is.EqualTo(offered));
    }

    [Test]
    public void A_date_column_is_left_out_under_requireOnnx_saying_why()
    {
        var schema = new DatasetSchema([new ColumnProfile("y", ColumnType.Categorical, 0, 2), new ColumnProfile("signed", ColumnType.DateTime, 0, 300)]);

        var decision = ColumnInference.Decide(schema, "y", 1000, requireOnnx: true).Single(d => d.Name == "signed");

        Assert.Multiple(() =>
        {
            Assert.That(decision.Role, Is.EqualTo(ColumnRole.Ignored));
            Assert.That(decision.Reason, Does.Contain("ONNX"));
        });
    }

    /// <summary>The setting where an external trainer competes (ExperimentBudgetTests), but with requireOnnx.</summary>
    [Test]
    [Category("Slow")]
    public async Task Under_requireOnnx_an_external_trainer_takes_no_part()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(300));
        var external = new FakeExternalTrainer();
        var settings = new ExperimentSettings
        {
            LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(60), MaxTrials = 12, Trainers = ["LightGbm"], RequireOnnx = true, ExternalTrainers = [external],
        };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(external.Requests, Is.Empty);
            Assert.That(result.Trials.Select(t => t.Trainer), Has.None.EqualTo(external.Name));
        });
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public void An_ensemble_is_allowed_only_without_requireOnnx(bool requireOnnx, bool allowed)
    {
        var settings = new ExperimentSettings { LabelColumn = "y", RequireOnnx = requireOnnx };

        Assert.That(settings.EnsembleAllowed, Is.EqualTo(allowed));
    }
}
