using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// How a model version's evaluation report is drawn. The report endpoint is being added on another branch, so the
/// browser's fetch answers the report call with a report of the expected shape; every other call is real.
/// </summary>
[Category("Slow")]
public class ReportTests : ConsoleFixture
{
    private const string Report = """
        {
          "metrics": { "auc": 0.93, "accuracy": 0.88 },
          "confusionMatrix": { "classes": ["no", "yes"], "counts": [[40, 6], [5, 49]] },
          "permutationImportance": [
            { "column": "color", "importance": 0.001 },
            { "column": "x1", "importance": 0.31 },
            { "column": "x2", "importance": 0.12 }
          ]
        }
        """;

    private const string Model = "rule";

    [OneTimeSetUp]
    public async Task OneTrainedVersion() =>
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(TestTables.BinaryCsv(300), "rule"), "y", Model);

    [Test]
    public void A_served_report_is_drawn_as_metrics_a_confusion_matrix_and_importance_largest_first()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        ((IJavaScriptExecutor)Browser.Driver).ExecuteScript($$"""
            const real = window.fetch.bind(window);
            window.fetch = (url, init) => String(url).endsWith('/report')
              ? Promise.resolve(new Response({{System.Text.Json.JsonSerializer.Serialize(Report)}}, { status: 200, headers: { 'Content-Type': 'application/json' } }))
              : real(url, init);
            """);

        Browser.Open($"#/models/{Model}/versions/1");

        var matrix = Browser.WaitFor("#confusion-matrix");
        var importance = Browser.FindAll("#importance tbody tr").Select(r => r.Text).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#report-metrics").Text, Does.Contain("auc 0.9300"));
            Assert.That(matrix.FindElements(By.CssSelector("tbody tr")).Select(r => r.Text), Is.EqualTo(new[] { "no 40 6", "yes 5 49" }));
            Assert.That(importance, Is.EqualTo(new[] { "x1 0.3100", "x2 0.1200", "color 0.0010" }));
            Assert.That(Browser.FindAll("#report canvas"), Has.Count.EqualTo(1), "the importance bar chart");
        });
        Browser.Screenshot("report");
    }

    [Test]
    public void Without_a_report_the_version_page_says_so()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        ((IJavaScriptExecutor)Browser.Driver).ExecuteScript("""
            const real = window.fetch.bind(window);
            window.fetch = (url, init) => String(url).endsWith('/report')
              ? Promise.resolve(new Response('{"title":"Not Found","status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))
              : real(url, init);
            """);

        Browser.Open($"#/models/{Model}/versions/1");

        Assert.That(Browser.WaitFor("#no-report").Text, Is.EqualTo("No report for this version."));
    }
}
