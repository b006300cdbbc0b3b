using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.ScaleOut;

/// <summary>Pipeline runs on a real worker process over a real PostgreSQL that faults underneath them.</summary>
[Category("Postgres")]
[Category("Slow")]
public class PipelineFaultTests
{
    private const string Nightly = """
        {"name": "nightly", "dataset": "rule", "label": "y", "task": "binary", "metric": "auc", "timeBudgetSeconds": 15,
         "modelName": "rule", "schedule": {"cron": "0 3 * * *", "timeZone": "UTC"}, "promotion": {"retries": 0}}
        """;

    [Test]
    public async Task A_postgres_restart_mid_run_is_ridden_out_by_the_run_s_worker_without_a_second_attempt()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var worker = await cluster.StartAsync("worker");
        using var client = api.Api();
        var (runId, _) = await StartRunUntilItsJobTrainsAsync(client);

        await PostgresFaults.RestartAsync();
        var done = await PostgresFaults.WaitForFinalAsync(client, $"/api/pipelines/nightly/runs/{runId}", TimeSpan.FromMinutes(3));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((int?)done["attempt"], Is.EqualTo(1), "recovery must not requeue a run whose worker is alive");
            Assert.That((int?)done["failures"], Is.Zero, "a database outage is not a failed try");
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_worker_stopped_gracefully_mid_run_hands_the_run_to_another_worker()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var first = await cluster.StartAsync("worker");
        using var client = api.Api();
        var (runId, jobId) = await StartRunUntilItsJobTrainsAsync(client);
        using var second = await cluster.StartAsync("worker");

        await first.StopAsync(TimeSpan.FromSeconds(60));
        var done = await PostgresFaults.WaitForFinalAsync(client, $"/api/pipelines/nightly/runs/{runId}", TimeSpan.FromMinutes(3));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((int?)done["attempt"], Is.EqualTo(2), "the stopped worker handed the run back");
            Assert.That((string?)done["jobId"], Is.EqualTo(jobId), "the second worker carried on with the run's job");
            Assert.That((int?)done["failures"], Is.Zero, "a shutdown is not a failed try");
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
        });
    }

    /// <summary>Uploads the table, creates the nightly pipeline, runs it and waits until the run's training job is running.</summary>
    private static async Task<(string RunId, string JobId)> StartRunUntilItsJobTrainsAsync(ApiClient client)
    {
        await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        using (var created = await client.PostRawJsonAsync("/api/pipelines", Nightly))
        {
            await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created);
        }

        using var started = await client.Http.PostAsync("/api/pipelines/nightly/run", null);
        var runId = (string)(await ApiClient.ReadObjectAsync(started, HttpStatusCode.Accepted))["id"]!;
        var jobId = await WaitForJobOfRunAsync(client, runId);
        await client.WaitForJobAsync(jobId, TimeSpan.FromMinutes(1), "running");
        return (runId, jobId);
    }

    private static async Task<string> WaitForJobOfRunAsync(ApiClient client, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        JsonObject found;
        while ((found = await client.GetObjectAsync($"/api/pipelines/nightly/runs/{runId}"))["jobId"] is null)
        {
            await Task.Delay(100, timeout.Token);
        }

        return (string)found["jobId"]!;
    }
}
