using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Pipelines;

/// <summary>
/// Two models trained on one stored dataset, each the champion of its own pipeline with a drift trigger: <c>steady</c>
/// scores the training rows again, <c>shifted</c> scores them with <c>x1</c> moved by 0.8 (its range is about 2).
/// The recurring check is called directly, as Hangfire would call it.
/// </summary>
[Category("Slow")]
public class PipelineDriftTriggerTests
{
    private static readonly string TrainingCsv = TestTables.BinaryCsv(300, 3);
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task TrainAndScoreAsync()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        var dataset = await _api.UploadOkAsync("rule.csv", TrainingCsv, "rule");
        foreach (var (model, scored) in new[] { ("steady", TrainingCsv), ("shifted", TestTables.Shift(TrainingCsv, column: 0, by: 0.8)) })
        {
            var submitted = await _api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = model });
            var job = await _api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(2));
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            await PipelineApiTests.CreateAsync(_api, $$"""
                {"name": "{{model}}", "modelName": "{{model}}", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *",
                 "driftTrigger": {"maxPsi": 0.25, "minRows": 200, "checkEvery": "00:05:00"} } }
                """);
            using var response = await _api.Http.PostAsync(new Uri($"/api/predict/{model}/batch", UriKind.Relative),
                new StringContent(scored, Encoding.UTF8, "text/csv"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_champion_that_scored_shifted_rows_starts_a_run_recording_the_drifted_column()
    {
        var started = await CheckAsync("shifted");
        var runs = await _api.GetObjectAsync("/api/pipelines/shifted/runs");
        var run = runs["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(started?.Trigger, Is.EqualTo(RunTrigger.Drift));
            Assert.That((string?)run["trigger"], Is.EqualTo("drift"));
            Assert.That((string?)run["drift"]!["column"], Is.EqualTo("x1"));
            Assert.That((double)run["drift"]!["psi"]!, Is.GreaterThan(0.25));
            Assert.That((long)run["drift"]!["rows"]!, Is.EqualTo(300));
        });
    }

    [Test]
    public async Task A_champion_that_scored_training_like_rows_starts_no_run()
    {
        var started = await CheckAsync("steady");
        var runs = await _api.GetObjectAsync("/api/pipelines/steady/runs");

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.Null);
            Assert.That(runs["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task A_pipeline_with_a_drift_trigger_has_a_recurring_drift_check()
    {
        var jobs = PipelineApiTests.RecurringJobs(_factory);

        Assert.That(jobs.Where(j => j.Id == $"pipeline:{TenantId.Default}:shifted:drift").Select(j => j.Cron), Is.EqualTo(new[] { "*/5 * * * *" }));
    }

    private async Task<PipelineRun?> CheckAsync(string pipeline)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PipelineDriftCheckJob>().CheckAsync(TenantId.Default.Value, pipeline, CancellationToken.None);
    }
}
