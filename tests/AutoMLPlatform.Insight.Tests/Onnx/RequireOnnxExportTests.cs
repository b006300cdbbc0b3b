using System.Globalization;
using System.Text;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.TestSupport;
using static AutoMLPlatform.Insight.Tests.Onnx.ExportOutcome;

namespace AutoMLPlatform.Insight.Tests.Onnx;

/// <summary>
/// The same searches with and without <c>RequireOnnx</c>: without it they end in a step that has no ONNX form (an
/// ensemble's averaging, a date column's parts) and the export is refused naming it; with it the model exports.
/// </summary>
[Category("Slow")]
public class RequireOnnxExportTests
{
    // Ten trials of these slices end in an ensemble (seen with seed 1; MaxTrials makes the search repeat exactly, and
    // the budget is only a ceiling, generous so that a busy machine cannot leave the ensemble's refits without time).
    [TestCase("credit", "Status", 800, false, "Ensemble(", Refused + "ExpressionTransformer")]
    [TestCase("letters", "lettr", 500, false, "Ensemble(", Refused + "ExpressionTransformer")]
    [TestCase("ames", "Sale_Price", 600, false, "Ensemble(", Refused + "ExpressionTransformer")]
    [TestCase("credit", "Status", 800, true, "", Exports)]
    [TestCase("letters", "lettr", 500, true, "", Exports)]
    [TestCase("ames", "Sale_Price", 600, true, "", Exports)]
    public async Task A_search_that_would_end_in_an_ensemble_exports_only_under_requireOnnx(string dataset, string label, int rows, bool requireOnnx,
        string winnerStart, string expected)
    {
        var (train, schema, test) = await SharedAsync(dataset, rows, 200);
        var settings = new ExperimentSettings { LabelColumn = label, TimeBudget = TimeSpan.FromMinutes(10), MaxTrials = 10, RequireOnnx = requireOnnx };

        var (outcome, trainer) = await TrainAndExportAsync(train, schema, settings, test);

        Assert.Multiple(() =>
        {
            Assert.That(trainer, Does.StartWith(winnerStart));
            Assert.That(outcome, Is.EqualTo(expected));
        });
    }

    [TestCase(false, Refused + "CustomMappingTransformer<DatePartsInput, DatePartsOutput>")]
    [TestCase(true, Exports)]
    public async Task A_table_with_a_date_column_exports_only_under_requireOnnx(bool requireOnnx, string expected)
    {
        var (table, schema) = await TestTables.LoadAsync(DatedCsv());
        var settings = new ExperimentSettings { LabelColumn = "y", TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = 2, RequireOnnx = requireOnnx };

        var (outcome, _) = await TrainAndExportAsync(table, schema, settings, table.Select(Enumerable.Range(0, 60).ToArray()));

        Assert.That(outcome, Is.EqualTo(expected));
    }

    /// <summary>A binary label that follows x and the season of the date, so the date parts are worth using.</summary>
    private static string DatedCsv()
    {
        var random = new Random(11);
        var text = new StringBuilder("x,signed,y\n");
        for (var i = 0; i < 300; i++)
        {
            var x = random.NextDouble() * 2 - 1;
            var day = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(730));
            var positive = x + (day.Month is >= 4 and <= 9 ? 0.5 : -0.5) > 0;
            text.Append(CultureInfo.InvariantCulture, $"{x:F4},{day:yyyy-MM-dd},{(positive ? "yes" : "no")}\n");
        }

        return text.ToString();
    }
}
