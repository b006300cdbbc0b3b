using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

[Category("Slow")]
public class RetrainingTests
{
    private const string Row = """{"x1": 0.9, "x2": 0.1, "color": "red"}""";

    private const string Nightly = """
        {"name": "nightly", "dataset": "rule", "label": "y", "task": "binary", "metric": "auc", "timeBudgetSeconds": 10, "maxTrials": 1,
         "modelName": "rule", "schedule": {"cron": "0 3 * * *", "timeZone": "UTC"}, "promotion": {"minImprovement": 0.05, "retries": 0}}
        """;

    [Test]
    public async Task A_run_on_better_data_promotes_its_challenger_and_scoring_serves_it_without_a_restart()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("noise.csv", NoiseCsv(300), "rule");
        await CreatePipelineAsync(api);
        var first = await RunToEndAsync(api);
        var servedBefore = await PredictedVersionAsync(api);
        await api.UploadOkAsync("clean.csv", TestTables.BinaryCsv(300), "rule");

        var second = await RunToEndAsync(api);
        var servedAfter = await WaitForVersionAsync(api, 2);
        var runs = await api.GetObjectAsync("/api/pipelines/nightly/runs");
        var jobs = await api.GetObjectAsync("/api/jobs");

        Assert.Multiple(() =>
        {
            Assert.That((string?)first["decision"]!["outcome"], Is.EqualTo("firstChampion"));
            Assert.That(servedBefore, Is.EqualTo(1));
            Assert.That((string?)second["decision"]!["outcome"], Is.EqualTo("promoted"), second.ToJsonString());
            Assert.That((bool?)second["decision"]!["promoted"], Is.True);
            Assert.That((int?)second["decision"]!["champion"]!["version"], Is.EqualTo(1));
            Assert.That((int?)second["decision"]!["challenger"]!["version"], Is.EqualTo(2));
            Assert.That((double?)second["decision"]!["challenger"]!["score"], Is.GreaterThan((double)second["decision"]!["champion"]!["score"]!));
            Assert.That(servedAfter, Is.EqualTo(2));
            Assert.That(runs["items"]!.AsArray().Select(r => (string?)r!["id"]), Is.EqualTo(new[] { (string?)second["id"], (string?)first["id"] }));
            Assert.That(jobs["items"]!.AsArray().Select(j => (double?)j!["holdout"]!["fraction"]), Is.EqualTo(new double?[] { 0.2, 0.2 }));
        });
    }

    [Test]
    public async Task A_second_run_requested_while_one_is_under_way_is_a_conflict_naming_it()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("clean.csv", TestTables.BinaryCsv(300), "rule");
        await CreatePipelineAsync(api);

        using var started = await api.Http.PostAsync("/api/pipelines/nightly/run", null);
        var run = await ApiClient.ReadObjectAsync(started, HttpStatusCode.Accepted);
        using var again = await api.Http.PostAsync("/api/pipelines/nightly/run", null);
        var problem = await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);
        await WaitForRunAsync(api, (string)run["id"]!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("pipeline-run-in-progress"));
            Assert.That((string?)problem["detail"], Does.Contain((string)run["id"]!));
        });
    }

    private static async Task CreatePipelineAsync(ApiClient api)
    {
        using var response = await api.PostRawJsonAsync("/api/pipelines", Nightly);
        await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
    }

    private static async Task<JsonObject> RunToEndAsync(ApiClient api)
    {
        using var response = await api.Http.PostAsync("/api/pipelines/nightly/run", null);
        var run = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Accepted);
        var done = await WaitForRunAsync(api, (string)run["id"]!);
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        return done;
    }

    private static async Task<JsonObject> WaitForRunAsync(ApiClient api, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var run = await api.GetObjectAsync($"/api/pipelines/nightly/runs/{id}");
            if ((string?)run["status"] is "succeeded" or "failed")
            {
                return run;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task<int> PredictedVersionAsync(ApiClient api)
    {
        using var response = await api.PostRawJsonAsync("/api/predict/rule", Row);
        return (int)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["version"]!;
    }

    /// <summary>Scoring notices an alias move on its next registry poll (200 ms in tests); wait for it, bounded.</summary>
    private static async Task<int> WaitForVersionAsync(ApiClient api, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        int version;
        while ((version = await PredictedVersionAsync(api)) != expected && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        return version;
    }

    /// <summary>The columns of <see cref="TestTables.BinaryCsv"/> with coin-flip labels: nothing to learn.</summary>
    private static string NoiseCsv(int rows)
    {
        var random = new Random(11);
        var text = new StringBuilder("x1,x2,color,y\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 2 - 1:F4},{random.NextDouble() * 2 - 1:F4},red,{(random.Next(2) == 0 ? "yes" : "no")}\n");
        }

        return text.ToString();
    }
}
