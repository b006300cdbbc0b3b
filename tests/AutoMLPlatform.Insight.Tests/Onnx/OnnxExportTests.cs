using System.Globalization;
using System.Text;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Insight.Onnx;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.Insight.Tests.Onnx;

/// <summary>
/// Measures, trainer by trainer and featurizer by featurizer, whether a model the engine can choose exports to ONNX
/// with ONNX Runtime agreeing with ML.NET, or is refused naming the step: the table in docs/insight.md is these cases.
/// </summary>
[Category("Slow")]
public class OnnxExportTests
{
    private const string Exports = "exports";
    private const string Refused = "refused at ";

    // Binary models decide PredictedLabel at probability ≥ 0.5 with an ML.NET Expression, which has no ONNX form.
    [TestCase("LightGbm", "binary", Refused + "ExpressionTransformer")]
    [TestCase("FastTree", "binary", Refused + "ExpressionTransformer")]
    [TestCase("FastForest", "binary", Refused + "ExpressionTransformer")]
    [TestCase("Sdca", "binary", Refused + "ExpressionTransformer")]
    [TestCase("Lbfgs", "binary", Refused + "ExpressionTransformer")]
    [TestCase("LinearSvm", "binary", Refused + "ExpressionTransformer")]
    [TestCase("AveragedPerceptron", "binary", Refused + "ExpressionTransformer")]
    [TestCase("LightGbm", "multiclass", Exports)]
    [TestCase("FastTree", "multiclass", Exports)]
    [TestCase("FastForest", "multiclass", Exports)]
    [TestCase("Sdca", "multiclass", Exports)]
    [TestCase("Lbfgs", "multiclass", Exports)]
    [TestCase("LightGbm", "regression", Exports)]
    [TestCase("FastTree", "regression", Exports)]
    [TestCase("FastForest", "regression", Exports)]
    [TestCase("Sdca", "regression", Exports)]
    [TestCase("Lbfgs", "regression", Exports)]
    public async Task Each_trainer_exports_with_parity_or_is_refused_naming_the_step(string trainer, string task, string expected)
    {
        var outcome = await ExportOutcomeAsync(Csv(task, extra: null), trainer);

        Assert.That(outcome, Is.EqualTo(expected));
    }

    [TestCase("missing", Exports)]
    [TestCase("text", Exports)]
    [TestCase("date", Refused + "CustomMappingTransformer<DatePartsInput, DatePartsOutput>")]
    [TestCase("hashed", Exports)]
    [TestCase("boolean", Exports)]
    public async Task Each_featurizer_exports_with_parity_or_is_refused_naming_the_step(string extra, string expected)
    {
        var outcome = await ExportOutcomeAsync(Csv("multiclass", extra), "LightGbm");

        Assert.That(outcome, Is.EqualTo(expected));
    }

    private static async Task<string> ExportOutcomeAsync(string csv, string trainer)
    {
        var (table, schema) = await TestTables.LoadAsync(csv);
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 1, Ensemble = false, Trainers = [trainer],
        }).RunAsync(table, schema, null, CancellationToken.None);
        using var package = new MemoryStream();
        ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "y", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        package.Position = 0;
        var loaded = ModelPackage.Read(package, new MLContext(2));
        try
        {
            var onnx = OnnxExporter.Export(loaded, table.Select(Enumerable.Range(0, 60).ToArray()));
            return onnx.Length > 0 ? Exports : "empty";
        }
        catch (NotExportableException ex)
        {
            return Refused + ex.Step;
        }
    }

    private static string Csv(string task, string? extra)
    {
        var random = new Random(5);
        var text = new StringBuilder("x1,x2,color" + (extra is null ? "" : "," + extra) + ",y\n");
        string[] colors = ["red", "green", "blue"];
        string[] words = ["good price fast", "slow and bad", "fine value", "broken on arrival", "great quality item"];
        for (var i = 0; i < 300; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = random.NextDouble() * 2 - 1;
            var label = task switch
            {
                "binary" => x1 + 0.5 * x2 > 0 ? "yes" : "no",
                "multiclass" => x1 < -0.3 ? "low" : x1 < 0.3 ? "mid" : "high",
                // Never negative, so the Poisson regression of L-BFGS competes too.
                _ => (3 + 2 * x1 + x2 + random.NextDouble() * 0.1).ToString("F4", CultureInfo.InvariantCulture),
            };
            var more = extra switch
            {
                null => "",
                "missing" => "," + (i % 7 == 0 ? "" : (random.NextDouble() * 5).ToString("F3", CultureInfo.InvariantCulture)),
                "text" => "," + words[random.Next(words.Length)] + " " + words[random.Next(words.Length)],
                "boolean" => "," + (random.Next(2) == 0 ? "yes" : "no"),
                "date" => "," + new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => ",c" + random.Next(250),
            };
            text.Append(CultureInfo.InvariantCulture, $"{x1:F4},{x2:F4},{colors[random.Next(3)]}{more},{label}\n");
        }

        return text.ToString();
    }
}
