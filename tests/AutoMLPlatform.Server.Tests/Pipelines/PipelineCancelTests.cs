using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Pipelines;

/// <summary>
/// Stopping a run mid-training over HTTP: through the run, through its training job, or by deleting its pipeline. The
/// policy allows a retry at once, so a cancel mistaken for a failed try would show as a second job.
/// </summary>
[Category("Slow")]
public class PipelineCancelTests
{
    private const string Slow = """
        {"name": "slow", "dataset": "rule", "label": "y", "task": "binary", "metric": "auc", "timeBudgetSeconds": 120,
         "modelName": "slow", "schedule": {"cron": "0 3 * * *", "timeZone": "UTC"}, "promotion": {"retries": 2, "retryDelaySeconds": 0}}
        """;

    /// <summary>Long enough for a retry, had one been started, to show up as a second job.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(4);

    [Test]
    public async Task Cancelling_a_run_mid_training_ends_it_cancelled_with_no_second_try_and_the_pipeline_can_then_be_deleted()
    {
        using var factory = new PlatformFactory();
        using var api = await StartSlowPipelineAsync(factory);
        var (runId, jobId) = await StartTrainingAsync(api);

        using var cancel = await api.Http.PostAsync($"/api/pipelines/slow/runs/{runId}/cancel", null);
        var answered = await ApiClient.ReadObjectAsync(cancel, HttpStatusCode.Accepted);
        var ended = await WaitForEndAsync(api, runId);
        await Task.Delay(Settle);
        var settled = await api.GetObjectAsync($"/api/pipelines/slow/runs/{runId}");
        var job = await api.GetObjectAsync($"/api/jobs/{jobId}");
        var jobs = await api.GetObjectAsync("/api/jobs");
        using var deleted = await api.Http.DeleteAsync("/api/pipelines/slow");

        Assert.Multiple(() =>
        {
            Assert.That((string?)answered["id"], Is.EqualTo(runId));
            Assert.That((string?)ended["status"], Is.EqualTo("cancelled"), ended.ToJsonString());
            Assert.That((string?)settled["status"], Is.EqualTo("cancelled"));
            Assert.That((int?)settled["failures"], Is.Zero, "a cancel is not a failed try");
            Assert.That((string?)settled["error"], Does.Contain("ancelled"));
            Assert.That(settled["jobIds"]!.AsArray(), Has.Count.EqualTo(1), "no second try may start");
            Assert.That((string?)job["status"], Is.EqualTo("cancelled"));
            Assert.That(jobs["items"]!.AsArray(), Has.Count.EqualTo(1), "no second training job may start");
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Cancelling_the_run_s_training_job_ends_the_run_cancelled_not_failed_then_retried()
    {
        using var factory = new PlatformFactory();
        using var api = await StartSlowPipelineAsync(factory);
        var (runId, jobId) = await StartTrainingAsync(api);

        using var cancel = await api.Http.PostAsync($"/api/jobs/{jobId}/cancel", null);
        var ended = await WaitForEndAsync(api, runId);
        await Task.Delay(Settle);
        var settled = await api.GetObjectAsync($"/api/pipelines/slow/runs/{runId}");
        var jobs = await api.GetObjectAsync("/api/jobs");

        Assert.Multiple(() =>
        {
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)ended["status"], Is.EqualTo("cancelled"), ended.ToJsonString());
            Assert.That((string?)settled["status"], Is.EqualTo("cancelled"));
            Assert.That((int?)settled["failures"], Is.Zero);
            Assert.That((string?)settled["error"], Does.Contain(jobId));
            Assert.That(jobs["items"]!.AsArray(), Has.Count.EqualTo(1), "no second training job may start");
        });
    }

    [Test]
    public async Task Deleting_a_pipeline_with_a_run_under_way_cancels_the_run_and_deletes_the_pipeline_and_its_schedule()
    {
        using var factory = new PlatformFactory();
        using var api = await StartSlowPipelineAsync(factory);
        var (runId, jobId) = await StartTrainingAsync(api);

        using var deleted = await api.Http.DeleteAsync("/api/pipelines/slow");
        using var pipeline = await api.Http.GetAsync("/api/pipelines/slow");
        using var run = await api.Http.GetAsync($"/api/pipelines/slow/runs/{runId}");
        var job = await api.WaitForJobAsync(jobId, TimeSpan.FromMinutes(1), "cancelled", "failed", "succeeded");
        await Task.Delay(Settle);
        var jobs = await api.GetObjectAsync("/api/jobs");

        Assert.Multiple(async () =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(pipeline, HttpStatusCode.NotFound, "pipeline-not-found");
            await ApiClient.ProblemAsync(run, HttpStatusCode.NotFound, "pipeline-not-found");
            Assert.That(PipelineApiTests.RecurringJobs(factory), Is.Empty);
            Assert.That((string?)job["status"], Is.EqualTo("cancelled"));
            Assert.That(jobs["items"]!.AsArray(), Has.Count.EqualTo(1), "no second training job may start");
        });
    }

    [Test]
    public async Task Cancelling_a_run_that_ended_is_a_conflict_naming_its_state()
    {
        using var factory = new PlatformFactory();
        using var api = await StartSlowPipelineAsync(factory);
        var (runId, _) = await StartTrainingAsync(api);
        using (var first = await api.Http.PostAsync($"/api/pipelines/slow/runs/{runId}/cancel", null))
        {
            await ApiClient.ReadObjectAsync(first, HttpStatusCode.Accepted);
        }

        await WaitForEndAsync(api, runId);

        using var again = await api.Http.PostAsync($"/api/pipelines/slow/runs/{runId}/cancel", null);
        var problem = await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("pipeline-run-finished"));
            Assert.That((string?)problem["detail"], Does.Contain("cancelled"));
            Assert.That((string?)problem["type"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Cancelling_a_run_through_another_pipeline_s_url_is_404()
    {
        using var factory = new PlatformFactory();
        using var api = await StartSlowPipelineAsync(factory);
        await PipelineApiTests.CreateAsync(api, Slow.Replace("\"slow\"", "\"other\""));
        var (runId, _) = await StartTrainingAsync(api);

        using var response = await api.Http.PostAsync($"/api/pipelines/other/runs/{runId}/cancel", null);

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "pipeline-not-found");
    }

    private static async Task<ApiClient> StartSlowPipelineAsync(PlatformFactory factory)
    {
        var api = factory.Api();
        await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        await PipelineApiTests.CreateAsync(api, Slow);
        return api;
    }

    /// <summary>Starts a run and waits until its training job is running.</summary>
    private static async Task<(string RunId, string JobId)> StartTrainingAsync(ApiClient api)
    {
        using var started = await api.Http.PostAsync("/api/pipelines/slow/run", null);
        var run = await ApiClient.ReadObjectAsync(started, HttpStatusCode.Accepted);
        var runId = (string)run["id"]!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        JsonObject found;
        while ((found = await api.GetObjectAsync($"/api/pipelines/slow/runs/{runId}"))["jobId"] is null)
        {
            await Task.Delay(100, timeout.Token);
        }

        var jobId = (string)found["jobId"]!;
        await api.WaitForJobAsync(jobId, TimeSpan.FromMinutes(1), "running");
        return (runId, jobId);
    }

    private static async Task<JsonObject> WaitForEndAsync(ApiClient api, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        JsonObject run;
        while ((string?)(run = await api.GetObjectAsync($"/api/pipelines/slow/runs/{runId}"))["status"] is "queued" or "running")
        {
            await Task.Delay(100, timeout.Token);
        }

        return run;
    }
}
