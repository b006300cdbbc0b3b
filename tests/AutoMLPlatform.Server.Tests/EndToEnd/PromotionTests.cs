using System.Net;
using System.Net.Http.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

[Category("Slow")]
public class PromotionTests
{
    private const string Row = """{"x1": 0.5, "x2": 0.2, "color": "red"}""";

    [Test]
    public async Task Promoting_a_second_version_moves_predictions_to_it_and_rolling_back_moves_them_back()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        await TrainAsync(api, (string)dataset["id"]!);
        await TrainAsync(api, (string)dataset["id"]!);

        var before = await PredictedVersionAsync(api);
        using (var promote = await api.Http.PutAsJsonAsync("/api/models/rule/aliases/production", new { version = 2 }))
        {
            await ApiClient.ReadObjectAsync(promote, HttpStatusCode.OK);
        }

        var promoted = await WaitForVersionAsync(api, 2);
        using (var rollback = await api.Http.PostAsync("/api/models/rule/aliases/production/rollback", null))
        {
            await ApiClient.ReadObjectAsync(rollback, HttpStatusCode.OK);
        }

        var rolledBack = await WaitForVersionAsync(api, 1);

        Assert.That((before, promoted, rolledBack), Is.EqualTo((1, 2, 1)));
    }

    [Test]
    public async Task Cancelling_a_running_job_ends_it_cancelled_and_a_second_cancel_is_a_conflict()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:00:00.200" });
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(30_000), "rule");
        var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 120 });
        await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(1), "running");

        using var cancel = await api.Http.PostAsync($"/api/jobs/{job["id"]}/cancel", null);
        var ended = await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(1));
        using var again = await api.Http.PostAsync($"/api/jobs/{job["id"]}/cancel", null);

        Assert.Multiple(async () =>
        {
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)ended["status"], Is.EqualTo("cancelled"));
            await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);
        });
    }

    private static async Task TrainAsync(ApiClient api, string datasetId)
    {
        var job = await api.SubmitJobAsync(new { datasetId, label = "y", timeBudgetSeconds = 10, modelName = "rule", maxTrials = 1 });
        var done = await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
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
}
