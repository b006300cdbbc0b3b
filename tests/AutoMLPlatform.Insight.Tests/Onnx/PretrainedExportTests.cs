using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using static AutoMLPlatform.Insight.Tests.Onnx.ExportOutcome;

namespace AutoMLPlatform.Insight.Tests.Onnx;

/// <summary>A model on sentence embeddings is refused naming its pretrained step; asking for ONNX keeps the encoder out.</summary>
[Category("Slow")]
public sealed class PretrainedExportTests
{
    private PretrainedNetworks _networks = null!;

    [OneTimeSetUp]
    public void LoadOnce() => _networks = new PretrainedNetworks();

    [OneTimeTearDown]
    public void Unload() => _networks.Dispose();

    [Test]
    public async Task A_model_on_sentence_embeddings_is_refused_naming_the_pretrained_step()
    {
        var (table, schema) = await TestTables.LoadAsync(SemanticTexts.Csv());
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = "kind", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 12, Trainers = ["Lbfgs"], Ensemble = false, Pretrained = _networks,
        }).RunAsync(table, schema, null, CancellationToken.None);
        using var package = new MemoryStream();
        ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "kind", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        package.Position = 0;

        var outcome = Export(ModelPackage.Read(package, new MLContext(2), PretrainedModelParts.Loaders(_networks)), table);

        Assert.That(outcome, Is.EqualTo(Refused + "pretrained-text-embedding"));
    }

    [Test]
    public async Task With_onnx_required_the_encoder_is_not_offered_and_the_model_has_no_pretrained_step()
    {
        var (table, schema) = await TestTables.LoadAsync(SemanticTexts.Csv());
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = "kind", TimeBudget = TimeSpan.FromMinutes(1), MaxTrials = 2, Trainers = ["Lbfgs"], Pretrained = _networks, RequireOnnx = true,
        }).RunAsync(table, schema, null, CancellationToken.None);
        using var package = new MemoryStream();

        ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "kind", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        package.Position = 0;

        Assert.Multiple(() =>
        {
            Assert.That(result.Columns.Single(c => c.Name == "text").Reason, Does.Contain("sentence embeddings not offered: they have no ONNX form"));
            Assert.That(ModelPackage.ReadManifest(package).Parts.Select(p => p.Kind), Is.EqualTo(new[] { ModelPart.MLNetKind }));
        });
    }
}
