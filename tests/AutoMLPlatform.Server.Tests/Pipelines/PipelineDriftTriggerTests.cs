using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;

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
    private PipelineTriggerPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainAndScoreAsync()
    {
        _platform = await PipelineTriggerPlatform.StartAsync(TrainingCsv);
        foreach (var (model, scored) in new[] { ("steady", TrainingCsv), ("shifted", TestTables.Shift(TrainingCsv, column: 0, by: 0.8)) })
        {
            await _platform.TrainAsync(model);
            await _platform.CreatePipelineAsync(model, model, "driftTrigger", """{"maxPsi": 0.25, "minRows": 200, "checkEvery": "00:05:00"}""");
            await _platform.PredictBatchAsync(model, scored);
        }
    }

    [OneTimeTearDown]
    public void Stop() => _platform?.Dispose();

    [Test]
    public async Task A_champion_that_scored_shifted_rows_starts_a_run_recording_the_drifted_column()
    {
        var started = await CheckAsync("shifted");
        var runs = await _platform.Api.GetObjectAsync("/api/pipelines/shifted/runs");
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
        var runs = await _platform.Api.GetObjectAsync("/api/pipelines/steady/runs");

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.Null);
            Assert.That(runs["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task A_pipeline_with_a_drift_trigger_has_a_recurring_drift_check()
    {
        var jobs = PipelineApiTests.RecurringJobs(_platform.Factory);

        Assert.That(jobs.Where(j => j.Id == $"pipeline:{TenantId.Default}:shifted:drift").Select(j => j.Cron), Is.EqualTo(new[] { "*/5 * * * *" }));
    }

    private Task<PipelineRun?> CheckAsync(string pipeline) => _platform.CheckAsync<PipelineDriftCheckJob>(pipeline, job => job.CheckAsync);
}
