using System.Diagnostics;
using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.ScaleOut;

[Category("Postgres")]
[Category("Slow")]
public class ScaleOutTests
{
    private const string Row = """{"x1": 0.5, "x2": 0.1, "color": "red"}""";

    [Test]
    public async Task A_job_submitted_to_the_api_runs_on_a_worker_and_its_model_is_served_by_a_scoring_process()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 2, modelName = "rule" });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await client.GetObjectAsync($"/api/jobs/{job["id"]}");

        using var worker = await cluster.StartAsync("worker");
        var done = await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        using var scoring = await cluster.StartAsync("scoring");
        using var scorer = scoring.Api();
        using var prediction = await scorer.PostRawJsonAsync("/api/predict/rule", Row);

        Assert.Multiple(() =>
        {
            Assert.That((string?)waiting["status"], Is.EqualTo("queued"), "the API runs no jobs itself");
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
            Assert.That(prediction.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_worker_killed_mid_job_loses_nothing_another_finishes_it_with_one_version_and_no_half_file()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var client = api.Api();
        var first = await cluster.StartAsync("worker");
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 20, modelName = "rule" });
        await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(1), "running");
        using var second = await cluster.StartAsync("worker");

        first.Kill();
        var done = await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(3));
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));
        var leftovers = Directory.GetFiles(Path.Combine(cluster.DataDirectory, "blobs"), "*.tmp", SearchOption.AllDirectories);

        Assert.Multiple(() =>
        {
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
            Assert.That((int?)done["attempt"], Is.EqualTo(2));
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
            Assert.That(leftovers, Is.Empty);
        });
        first.Dispose();
    }

    [Test]
    public async Task A_worker_stopped_gracefully_mid_job_hands_the_job_to_another_worker()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var client = api.Api();
        using var first = await cluster.StartAsync("worker");
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 20, modelName = "rule" });
        await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(1), "running");
        using var second = await cluster.StartAsync("worker");

        await first.StopAsync(TimeSpan.FromSeconds(60));
        var done = await PostgresFaults.WaitForFinalAsync(client, $"/api/jobs/{job["id"]}", TimeSpan.FromMinutes(2));
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
            Assert.That((int?)done["attempt"], Is.EqualTo(2), "the stopped worker's attempt was handed back, not finished");
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_queued_job_whose_delivery_was_lost_runs_when_a_worker_starts()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 10, maxTrials = 2, modelName = "rule" });
        // The delivery is lost, as when a process dies between writing the row and enqueuing it.
        var lost = await ExecuteAsync(cluster, "DELETE FROM hangfire.jobqueue");

        using var worker = await cluster.StartAsync("worker");
        var done = await PostgresFaults.WaitForFinalAsync(client, $"/api/jobs/{job["id"]}", TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(lost, Is.EqualTo(1), "the job's one delivery was removed");
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        });
    }

    [Test]
    public async Task A_queued_job_whose_delivery_is_lost_while_a_worker_runs_is_delivered_again_without_a_restart()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var worker = await cluster.StartAsync("worker");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        var busy = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 20, modelName = "busy" });
        await client.WaitForJobAsync((string)busy["id"]!, TimeSpan.FromMinutes(1), "running");
        var lostJob = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 10, maxTrials = 2, modelName = "lost" });
        var waitingJob = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 10, maxTrials = 2, modelName = "waiting" });
        // The worker's one Hangfire worker is busy, so both deliveries wait unfetched; the first is lost.
        var lost = await ExecuteAsync(cluster, $"""
            DELETE FROM hangfire.jobqueue q USING hangfire.job j
            WHERE q.jobid = j.id AND q.fetchedat IS NULL AND j.arguments::text LIKE '%{lostJob["id"]}%'
            """);

        var lostDone = await PostgresFaults.WaitForFinalAsync(client, $"/api/jobs/{lostJob["id"]}", TimeSpan.FromMinutes(2));
        var waitingDone = await PostgresFaults.WaitForFinalAsync(client, $"/api/jobs/{waitingJob["id"]}", TimeSpan.FromMinutes(2));
        var redelivered = (await worker.ReadLogAsync()).Split('\n').Where(l => l.Contains("held no delivery", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lost, Is.EqualTo(1), "the first waiting job's one delivery was removed");
            Assert.That((string?)lostDone["status"], Is.EqualTo("succeeded"), lostDone.ToJsonString());
            Assert.That((string?)waitingDone["status"], Is.EqualTo("succeeded"), waitingDone.ToJsonString());
            Assert.That(redelivered, Has.Count.EqualTo(1).And.One.Contains((string)lostJob["id"]!),
                "only the job whose delivery was lost is delivered again; the one waiting its turn for ~20 s is not");
        });
    }

    [Test]
    public async Task A_job_with_parallelism_2_searches_on_both_workers_and_registers_one_version()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var workerA = await cluster.StartAsync("worker");
        using var workerB = await cluster.StartAsync("worker");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 15, modelName = "rule", parallelism = 2 });

        var done = await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        var page = await client.GetObjectAsync($"/api/jobs/{job["id"]}");
        var parts = page["parts"]!.AsArray();
        var trainers = page["leaderboard"]!.AsArray().Select(t => (string?)t!["trainer"]).ToHashSet();
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
            Assert.That(parts.Select(p => (string?)p!["status"]), Is.EqualTo(new[] { "succeeded", "succeeded" }), page.ToJsonString());
            Assert.That(parts.Select(p => (string?)p!["worker"]).Distinct().Count(), Is.EqualTo(2), "each part ran in its own worker process");
            Assert.That(trainers, Does.Contain("LightGbm").And.Contain("FastTree"), "both shares of the trainers were searched");
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_worker_serving_only_the_pipelines_queue_leaves_training_to_a_worker_that_serves_it()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var pipelinesOnly = await cluster.StartAsync("worker", ("AutoMLPlatform:Jobs:Queues:0", "pipelines"));
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 30, maxTrials = 2, modelName = "rule" });
        await Task.Delay(TimeSpan.FromSeconds(5));
        var waiting = await client.GetObjectAsync($"/api/jobs/{job["id"]}");

        using var training = await cluster.StartAsync("worker", ("AutoMLPlatform:Jobs:Queues:0", "training"));
        var done = await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That((string?)waiting["status"], Is.EqualTo("queued"), "the pipelines worker does not train");
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        });
    }

    [Test]
    public async Task A_postgres_restart_mid_job_ends_with_the_job_finished()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var worker = await cluster.StartAsync("worker");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var job = await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 15, modelName = "rule" });
        await client.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(1), "running");

        await PostgresFaults.RestartAsync();
        var done = await PostgresFaults.WaitForFinalAsync(client, $"/api/jobs/{job["id"]}", TimeSpan.FromMinutes(3));
        Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_api_processes_registering_versions_of_one_model_at_once_get_distinct_numbers()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var apiA = await cluster.StartAsync("api");
        using var apiB = await cluster.StartAsync("api");
        using var workerA = await cluster.StartAsync("worker");
        using var workerB = await cluster.StartAsync("worker");
        using var a = apiA.Api();
        using var b = apiB.Api();
        var dataset = await a.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");

        var jobs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).SubmitJobAsync(
            new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "shared", seed = i + 1 })));
        var done = await Task.WhenAll(jobs.Select(j => a.WaitForJobAsync((string)j["id"]!, TimeSpan.FromMinutes(3))));
        var versions = ApiClient.Json(await a.Http.GetStringAsync("/api/models/shared/versions")).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Order();

        Assert.Multiple(() =>
        {
            Assert.That(done.Select(d => (string?)d["status"]), Has.All.EqualTo("succeeded"));
            Assert.That(versions, Is.EqualTo(Enumerable.Range(1, 6)));
        });
    }

    [Test]
    public async Task Many_small_jobs_drain_with_two_workers_none_lost_or_registered_twice()
    {
        const int count = 40;
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api", ("AutoMLPlatform:Security:MaxActiveJobsPerTenant", $"{count}"));
        using var workerA = await cluster.StartAsync("worker");
        using var workerB = await cluster.StartAsync("worker");
        using var client = api.Api();
        var dataset = await client.UploadOkAsync("rule.csv", TestTables.BinaryCsv(100), "rule");
        var clock = Stopwatch.StartNew();

        var jobs = new List<string>();
        for (var i = 0; i < count; i++)
        {
            jobs.Add((string)(await client.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = $"m{i % 4}" }))["id"]!);
        }

        var done = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var id in jobs)
        {
            done.Add(await client.WaitForJobAsync(id, TimeSpan.FromMinutes(10)));
        }

        TestContext.Out.WriteLine($"{count} jobs drained in {clock.Elapsed.TotalSeconds:F0} s with 2 workers: {count / clock.Elapsed.TotalMinutes:F1} jobs/minute");
        var registered = 0;
        for (var m = 0; m < 4; m++)
        {
            registered += ApiClient.Json(await client.Http.GetStringAsync($"/api/models/m{m}/versions")).GetArrayLength();
        }

        Assert.Multiple(() =>
        {
            Assert.That(done.Select(d => (string?)d["status"]), Has.All.EqualTo("succeeded"));
            Assert.That(done.Select(d => (int?)d["attempt"]), Has.All.EqualTo(1));
            Assert.That(registered, Is.EqualTo(count));
        });
    }

    private static async Task<int> ExecuteAsync(Cluster cluster, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
