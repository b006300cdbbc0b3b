using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// What a new user does, all through the browser: sign in, upload credit, train for 20 seconds and watch it, open the
/// model, predict one row, promote a second version and roll it back. Each page is photographed and checked for
/// addresses outside the server.
/// </summary>
[Category("Slow")]
public class NewUserJourneyTests : ConsoleFixture
{
    [Test]
    public async Task A_new_user_uploads_credit_trains_a_model_predicts_promotes_and_rolls_back()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#upload-form");
        Page("1-datasets");

        Browser.Find("#upload-file").SendKeys(RepositoryPaths.SharedDataset("credit", "train.csv"));
        Browser.Find("#upload-name").SendKeys("credit");
        Browser.Find("#upload-submit").Click();
        Assert.That(Browser.WaitFor("#schema").Text, Does.Contain("Status categorical"));
        Page("2-dataset");

        SetValue("#job-label", "Status");
        SetValue("#job-task", "binary");
        SetValue("#job-budget", "20");
        SetValue("#job-model", "credit");
        Browser.Find("#job-submit").Click();
        Browser.WaitFor("#job-status");
        Page("3-job-running");
        Browser.Until(d => d.FindElement(By.CssSelector("#job-status")).Text is "succeeded" or "failed" or "cancelled",
            "the job to finish", TimeSpan.FromMinutes(4));
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#job-status").Text, Is.EqualTo("succeeded"));
            Assert.That(Browser.FindAll("#leaderboard tbody tr"), Is.Not.Empty);
        });
        Page("4-job-finished");

        Browser.Find("#job-model-link").Click();
        var metrics = Browser.WaitFor("#metrics");
        var report = Browser.WaitFor("#report");
        Browser.WaitFor("#confusion-matrix");
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Text, Does.Contain("auc"));
            Assert.That(report.FindElements(By.CssSelector("#confusion-matrix")), Has.Count.EqualTo(1), "the validation report of the binary job");
            Assert.That(report.FindElements(By.CssSelector("#importance")), Has.Count.EqualTo(1), "the job's permutation importance");
            Assert.That(report.FindElements(By.CssSelector("#no-report")), Is.Empty);
        });
        Page("5-model-version");

        Browser.Open("#/predict/credit");
        Browser.WaitFor("#predict-form");
        var row = FirstRowOf(RepositoryPaths.SharedDataset("credit", "test.csv"));
        foreach (var input in Browser.FindAll("#predict-form input[data-column], #predict-form select[data-column]"))
        {
            var value = row[input.GetAttribute("data-column")!];
            SetValue(input, input.TagName == "select" ? AsBoolean(value) : value);
        }

        Browser.Find("#predict-submit").Click();
        Assert.Multiple(() =>
        {
            Assert.That(Browser.WaitFor("#predicted").Text, Is.AnyOf("good", "bad"));
            Assert.That(Browser.FindAll("#probabilities tbody tr"), Has.Count.EqualTo(2));
        });
        Browser.Find("#batch-file").SendKeys(RepositoryPaths.SharedDataset("credit", "test.csv"));
        Browser.Find("#batch-submit").Click();
        Assert.That(Browser.WaitFor("#batch-result .ok").Text, Does.Contain("891 rows scored"));
        Page("6-predict");

        // The second version comes from the API: the journey under test is promoting it, not training twice.
        await Platform.TrainQuicklyAsync(await DatasetIdAsync(), "Status", "credit");
        Browser.Open("#/models/credit");
        Browser.WaitFor("#promote-2").Click();
        Browser.Confirm();
        Browser.Until(d => AliasVersion(d) == "v2", "production to move to version 2");
        Page("7-promoted");
        Browser.Find("#rollback-production").Click();
        Browser.Confirm();
        Browser.Until(d => AliasVersion(d) == "v1", "production to roll back to version 1");
        Page("8-rolled-back");

        Assert.That(await ProductionVersionAsync(), Is.EqualTo(1), "the registry agrees with the page");

        await CreatePipelineAsync();
        Browser.Open("#/pipelines/credit-nightly");
        Assert.That(Browser.WaitFor("#view .card").Text, Does.Contain("0 3 * * *"));
        Page("9-pipeline");
        Browser.Open("#/jobs");
        Assert.That(Browser.WaitFor("#job-list").FindElements(By.CssSelector("tbody tr")), Has.Count.EqualTo(2));
        Page("10-jobs");
        Browser.Open("#/models");
        Assert.That(Browser.WaitFor("#model-list").Text, Does.Contain("production → v1"));
        Page("11-models");
        Browser.Open("#/pipelines");
        Browser.WaitFor("#pipeline-list");
        Page("12-pipelines");
    }

    private async Task CreatePipelineAsync()
    {
        using var api = Platform.Api();
        using var created = await api.PostAsJsonAsync(new Uri("/api/pipelines", UriKind.Relative), new
        {
            name = "credit-nightly", dataset = "credit", label = "Status", timeBudgetSeconds = 5, modelName = "credit",
            schedule = new { cron = "0 3 * * *", timeZone = "UTC" },
        });
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
    }

    private void Page(string name)
    {
        Browser.Screenshot(name);
        Assert.That(Browser.ForeignAddresses(), Is.Empty, $"page {name} loads nothing from outside the server");
    }

    private void SetValue(string css, string value) => SetValue(Browser.Find(css), value);

    private static void SetValue(IWebElement element, string value)
    {
        if (element.TagName == "select")
        {
            element.FindElements(By.TagName("option")).Single(o => o.GetAttribute("value") == value).Click();
            return;
        }

        element.Clear();
        element.SendKeys(value);
    }

    /// <summary>The form offers true/false for a boolean column; the file spells them yes/no.</summary>
    private static string AsBoolean(string value) => value is "yes" or "true" or "y" or "t" ? "true" : "false";

    private static string? AliasVersion(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("#aliases tbody tr")).Select(r => r.Text).FirstOrDefault(t => t.StartsWith("production", StringComparison.Ordinal))?.Split(' ')[1];

    private static Dictionary<string, string> FirstRowOf(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        var header = reader.ReadLine()!.Split(',');
        var values = reader.ReadLine()!.Split(',');
        return header.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    private async Task<string> DatasetIdAsync()
    {
        using var api = Platform.Api();
        return (string)JsonNode.Parse(await api.GetStringAsync(new Uri("/api/datasets", UriKind.Relative)))!["items"]![0]!["id"]!;
    }

    private async Task<int> ProductionVersionAsync()
    {
        using var api = Platform.Api();
        return (int)JsonNode.Parse(await api.GetStringAsync(new Uri("/api/models/credit", UriKind.Relative)))!["aliases"]!["production"]!;
    }
}
