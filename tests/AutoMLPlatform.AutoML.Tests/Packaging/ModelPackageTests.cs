using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Tests.Packaging;

[Category("Slow")]
public class ModelPackageTests
{
    [Test]
    public async Task A_written_package_reads_back_with_its_manifest_and_a_working_model()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(200));
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(10), MaxTrials = 1 })
            .RunAsync(table, schema, null, CancellationToken.None);
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "y", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []);
        using var buffer = new MemoryStream();

        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema, manifest);
        buffer.Position = 0;
        var loaded = ModelPackage.Read(buffer, new MLContext(2));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Manifest.Task, Is.EqualTo(TaskKind.Binary));
            Assert.That(loaded.Manifest.Classes, Is.EqualTo(new[] { "no", "yes" }));
            Assert.That(loaded.Manifest.Parts.Select(p => p.Kind), Is.EqualTo(new[] { ModelPart.MLNetKind }));
            Assert.That(loaded.Transformer.GetOutputSchema(result.InputSchema).GetColumnOrNull("Probability"), Is.Not.Null);
        });
    }

    [Test]
    public void Bytes_that_are_not_a_zip_are_refused_as_an_invalid_package()
    {
        Assert.Throws<InvalidModelPackageException>(() => ModelPackage.Read(new MemoryStream("not a zip"u8.ToArray()), new MLContext(1)));
    }
}
