using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
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
    public async Task A_model_with_date_parts_saves_loads_and_predicts_through_a_prediction_engine()
    {
        var (table, schema) = await TestTables.LoadAsync(DatedCsv(300));
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings { LabelColumn = "busy", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 2, Trainers = ["LightGbm"] })
            .RunAsync(table, schema, null, CancellationToken.None);
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "busy", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema, manifest);
        buffer.Position = 0;

        var loaded = ModelPackage.Read(buffer, new MLContext(2));
        var engine = new MLContext(3).Model.CreatePredictionEngine<DatedRow, BinaryPrediction>(loaded.Transformer);
        var weekend = engine.Predict(new DatedRow { When = "2024-06-08T12:00:00", Amount = 5 });
        var weekday = engine.Predict(new DatedRow { When = "2024-06-05T12:00:00", Amount = 5 });
        var original = new MLContext(4).Model.CreatePredictionEngine<DatedRow, BinaryPrediction>(result.Model).Predict(new DatedRow { When = "2024-06-08T12:00:00", Amount = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Columns.Single(c => c.Name == "when").Role, Is.EqualTo(AutoML.Inference.ColumnRole.DateTime));
            Assert.That(weekend.Probability, Is.EqualTo(original.Probability).Within(1e-6));
            Assert.That(weekend.Probability, Is.GreaterThan(weekday.Probability), "the label is planted on weekends");
        });
    }

    /// <summary>"busy" is yes exactly on weekends; "amount" is noise.</summary>
    private static string DatedCsv(int rows)
    {
        var random = new Random(3);
        var text = new System.Text.StringBuilder("when,amount,busy\n");
        for (var i = 0; i < rows; i++)
        {
            var day = new DateTime(2024, 1, 1).AddDays(random.Next(366)).AddHours(random.Next(24));
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{day:yyyy-MM-ddTHH:mm:ss},{random.Next(100)},{(weekend ? "yes" : "no")}\n");
        }

        return text.ToString();
    }

    [Test]
    public void Bytes_that_are_not_a_zip_are_refused_as_an_invalid_package()
    {
        Assert.Throws<InvalidModelPackageException>(() => ModelPackage.Read(new MemoryStream("not a zip"u8.ToArray()), new MLContext(1)));
    }

    private sealed class DatedRow
    {
        [Microsoft.ML.Data.ColumnName("when")]
        public string When { get; set; } = "";

        [Microsoft.ML.Data.ColumnName("amount")]
        public float Amount { get; set; }
    }

    private sealed class BinaryPrediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }
    }
}
