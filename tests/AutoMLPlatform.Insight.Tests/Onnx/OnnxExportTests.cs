using System.Globalization;
using System.Text;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using static AutoMLPlatform.Insight.Tests.Onnx.ExportOutcome;

namespace AutoMLPlatform.Insight.Tests.Onnx;

/// <summary>
/// Measures, trainer by trainer and featurizer by featurizer, whether a model the engine can choose exports to ONNX
/// with ONNX Runtime agreeing with ML.NET on rows the model never saw (labels equal, scores within 1e-4), or is
/// refused naming the step: the table in docs/insight.md is these cases.
/// </summary>
[Category("Slow")]
public class OnnxExportTests
{
    // Shared data: credit (binary, 800 training rows), penguins (multiclass, all 275), ames (regression, 600 rows of
    // 73 columns); parity on the first 200 rows of each test split. One trial each, the trainer's starting
    // configuration: SDCA starts on min-max scaled features, L-BFGS on mean-variance scaled ones.
    [TestCase("LightGbm", "credit", "Status")]
    [TestCase("FastTree", "credit", "Status")]
    [TestCase("FastForest", "credit", "Status")]
    [TestCase("Sdca", "credit", "Status")]
    [TestCase("Lbfgs", "credit", "Status")]
    [TestCase("LinearSvm", "credit", "Status")]
    [TestCase("AveragedPerceptron", "credit", "Status")]
    [TestCase("LightGbm", "penguins", "species")]
    [TestCase("FastTree", "penguins", "species")]
    [TestCase("FastForest", "penguins", "species")]
    [TestCase("Sdca", "penguins", "species")]
    [TestCase("Lbfgs", "penguins", "species")]
    [TestCase("LightGbm", "ames", "Sale_Price")]
    [TestCase("FastTree", "ames", "Sale_Price")]
    [TestCase("FastForest", "ames", "Sale_Price")]
    [TestCase("Sdca", "ames", "Sale_Price")]
    [TestCase("Lbfgs", "ames", "Sale_Price")]
    public async Task Each_trainer_exports_with_parity_on_the_shared_test_rows(string trainer, string dataset, string label)
    {
        var (train, schema, test) = await SharedAsync(dataset, 800, 200);
        var settings = new ExperimentSettings { LabelColumn = label, TimeBudget = TimeSpan.FromSeconds(60), MaxTrials = 1, Ensemble = false, Trainers = [trainer] };

        var (outcome, _) = await TrainAndExportAsync(train, schema, settings, test);

        Assert.That(outcome, Is.EqualTo(Exports));
    }

    [TestCase("missing", Exports)]
    [TestCase("text", Exports)]
    [TestCase("date", Refused + "CustomMappingTransformer<DatePartsInput, DatePartsOutput>")]
    [TestCase("hashed", Exports)]
    [TestCase("boolean", Exports)]
    public async Task Each_featurizer_exports_with_parity_or_is_refused_naming_the_step(string extra, string expected)
    {
        var (table, schema) = await TestTables.LoadAsync(Csv("multiclass", extra));
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 1, Ensemble = false, Trainers = ["LightGbm"] };

        var (outcome, _) = await TrainAndExportAsync(table, schema, settings, table.Select(Enumerable.Range(0, 60).ToArray()));

        Assert.That(outcome, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_LightGbm_model_with_categorical_splits_is_refused_naming_the_trainer()
    {
        var (train, schema, test) = await SharedAsync("penguins", 275, 69);
        var mlContext = new MLContext(1);
        var view = TableViews.ForPrediction(train);
        var labelled = mlContext.Transforms.Conversion.MapValueToKey(ReservedColumns.Label, "species").Fit(view).Transform(view);
        string[] numbers = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"];
        var model = mlContext.Transforms.Categorical.OneHotEncoding([new("island_f", "island"), new("sex_f", "sex")])
            .Append(mlContext.Transforms.ReplaceMissingValues(numbers.Select(n => new InputOutputColumnPair(n + "_f", n)).ToArray()))
            .Append(mlContext.Transforms.Concatenate(ReservedColumns.Features, ["island_f", "sex_f", .. numbers.Select(n => n + "_f")]))
            .Append(mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = ReservedColumns.Label, FeatureColumnName = ReservedColumns.Features, UseCategoricalSplit = true, NumberOfIterations = 30,
            }))
            .Fit(labelled);
        var inputs = schema.Columns.Where(c => c.Name != "species").Select(c => new ModelInputColumn(c.Name, c.Type, c.MissingCount > 0)).ToArray();
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, TaskKind.Multiclass, "species", ["Adelie", "Chinstrap", "Gentoo"], inputs, "LightGbm", []);

        var outcome = Export(new LoadedModel(manifest, model), test);

        Assert.That(outcome, Is.EqualTo(Refused + "LightGbm"));
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
