using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// How a model version's insight is drawn, against the real report, evaluate and ONNX endpoints: a three-class model
/// (numbers only, so it exports to ONNX) and a binary one with a date column (not exportable: its date parts are a
/// custom mapping).
/// </summary>
[Category("Slow")]
public class ReportTests : ConsoleFixture
{
    private const string Multiclass = "kinds";
    private const string Dated = "dated";

    [OneTimeSetUp]
    public async Task TwoTrainedModels()
    {
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(ApiArrangements.ThreeClassCsv(300), Multiclass), "kind", Multiclass, "multiclass");
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(ApiArrangements.DatedCsv(300), Dated), "y", Dated);
    }

    [Test]
    public async Task The_served_report_is_drawn_as_metrics_a_confusion_matrix_curves_and_importance_in_served_order()
    {
        var report = await Platform.CompleteReportAsync(Multiclass, 1);
        var evaluation = report["evaluation"] ?? report["validation"]!;
        var classification = evaluation["classification"]!;
        var classes = classification["classes"]!.AsArray().Select(c => (string)c!["class"]!).ToArray();
        var expectedMatrix = classification["confusionMatrix"]!.AsArray()
            .Select((row, i) => string.Join(' ', [classes[i], .. row!.AsArray().Select(c => ((int)c!).ToString(CultureInfo.InvariantCulture))]));
        var expectedImportance = report["importance"]!["columns"]!.AsArray().Select(c => (string)c!["column"]!);
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");

        Browser.Open($"#/models/{Multiclass}/versions/1");

        var matrix = Browser.WaitFor("#confusion-matrix");
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#report-source").Text, Does.Contain((string)evaluation["description"]!).And.Contain($"{(int)evaluation["rows"]!} rows"));
            Assert.That(Browser.Find("#report-metrics").Text, Does.Contain($"Accuracy {ConsoleNumbers.AsShown((double)classification["accuracy"]!)}")
                .And.Contain($"Macro F1 {ConsoleNumbers.AsShown((double)classification["macroF1"]!)}")
                .And.Contain($"Log loss {ConsoleNumbers.AsShown((double)classification["logLoss"]!)}"));
            Assert.That(Browser.FindAll("#report-classes tbody tr").Select(r => r.Text.Split(' ')[0]), Is.EqualTo(classes));
            Assert.That(matrix.FindElements(By.CssSelector("thead th")).Skip(1).Select(c => c.Text), Is.EqualTo(classes), "predicted classes as columns");
            Assert.That(matrix.FindElements(By.CssSelector("tbody tr")).Select(r => r.Text), Is.EqualTo(expectedMatrix));
            Assert.That(DatasetsOfChart("#roc-chart canvas"), Is.EqualTo(classes.Append("chance")), "one ROC curve per class, and the diagonal");
            Assert.That(DatasetsOfChart("#pr-chart canvas"), Is.EqualTo(classes), "one precision-recall curve per class");
            Assert.That(Browser.FindAll("#importance tbody tr").Select(r => r.Text.Split(' ')[0]), Is.EqualTo(expectedImportance));
            Assert.That(Browser.FindAll("#importance-chart canvas"), Has.Count.EqualTo(1), "the importance bar chart");
        });
        Browser.Screenshot("multiclass-report");
    }

    [Test]
    public async Task Exporting_a_model_with_dates_shows_the_servers_422_naming_the_step()
    {
        string detail;
        using (var api = Platform.Api())
        {
            using var refused = await api.GetAsync(new Uri($"/api/models/{Dated}/versions/1/onnx", UriKind.Relative));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            detail = (string)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!;
        }

        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/models/{Dated}/versions/1");
        Browser.WaitFor("#confusion-matrix");

        Browser.Find("#export-onnx").Click();

        var shown = Browser.WaitFor("#onnx-result .problem", TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(shown.Text, Does.Contain(detail).And.Contain("CustomMappingTransformer"));
            Assert.That(Browser.FindAll("#onnx-download"), Is.Empty);
        });
        Browser.Screenshot("dated-onnx-refused");
    }

    [Test]
    public void Exporting_a_multiclass_model_downloads_its_onnx_file()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/models/{Multiclass}/versions/1");
        Browser.WaitFor("#confusion-matrix");

        Browser.Find("#export-onnx").Click();

        Browser.Until(d => d.FindElements(By.CssSelector("#onnx-result .ok, #onnx-result .problem")).Count > 0, "the export to finish", TimeSpan.FromMinutes(1));
        Assert.That(Browser.FindAll("#onnx-result .problem"), Is.Empty, () => Browser.Find("#onnx-result").Text);
        var link = Browser.Find("#onnx-download");
        Assert.Multiple(() =>
        {
            Assert.That(link.GetAttribute("download"), Is.EqualTo($"{Multiclass}-v1.onnx"));
            Assert.That(link.GetAttribute("href"), Does.StartWith("blob:"));
        });
        var file = Path.Combine(Browser.DownloadDirectory, $"{Multiclass}-v1.onnx");
        Browser.Until(_ => File.Exists(file) && new FileInfo(file).Length > 0, $"{file} to be saved", TimeSpan.FromSeconds(20));
        Browser.Screenshot("multiclass-onnx");
    }

    [Test]
    public async Task Evaluating_on_a_dataset_missing_the_models_columns_shows_the_400_naming_them()
    {
        var unrelated = await Platform.UploadAsync(TestTables.BinaryCsv(40, seed: 3), "unrelated");
        string detail;
        using (var api = Platform.Api())
        {
            using var refused = await api.PostAsJsonAsync(new Uri($"/api/models/{Multiclass}/versions/1/evaluate", UriKind.Relative), new { datasetId = unrelated });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            detail = (string)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!;
        }

        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/models/{Multiclass}/versions/1");
        Browser.WaitFor($"#evaluate-dataset option[value='{unrelated}']").Click();
        Browser.Find("#evaluate-submit").Click();

        var shown = Browser.WaitFor("#evaluate-result .problem", TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(shown.Text, Does.Contain(detail).And.Contain("'x3'").And.Contain("'kind'"));
            Assert.That(shown.Text, Does.Contain("(400)").And.Contain("columns-mismatch"));
        });
        Browser.Screenshot("evaluate-missing-columns");
    }

    [Test]
    public async Task Evaluating_on_a_labelled_dataset_redraws_the_report_from_it()
    {
        var holdout = await Platform.UploadAsync(ApiArrangements.ThreeClassCsv(120, seed: 5), "kinds-holdout");
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/models/{Multiclass}/versions/1");
        Browser.WaitFor($"#evaluate-dataset option[value='{holdout}']").Click();
        Browser.Find("#evaluate-submit").Click();

        Browser.WaitFor("#evaluate-result .ok", TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#report-source").Text, Does.StartWith("On a dataset you evaluated it on").And.Contain("120 rows"));
            Assert.That(Browser.FindAll("#confusion-matrix tbody td").Sum(c => int.Parse(c.Text, CultureInfo.InvariantCulture)), Is.EqualTo(120));
        });
        Browser.Screenshot("evaluated");
    }

    /// <summary>The labels of the Chart.js datasets drawn in a canvas.</summary>
    private IEnumerable<string> DatasetsOfChart(string css) =>
        ((System.Collections.ObjectModel.ReadOnlyCollection<object>)((IJavaScriptExecutor)Browser.Driver).ExecuteScript(
            "return Chart.getChart(arguments[0]).data.datasets.map(d => d.label);", Browser.Find(css))!).Cast<string>();
}
