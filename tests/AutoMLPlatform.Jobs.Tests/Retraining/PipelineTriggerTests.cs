using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

public class PipelineTriggerTests
{
    [Test]
    public async Task A_second_trigger_while_a_run_is_under_way_is_refused_naming_the_active_run()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50));
        var trigger = scenario.Stores.Services.GetRequiredService<PipelineTrigger>();
        var first = await trigger.RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        var error = Assert.ThrowsAsync<PipelineRunInProgressException>(() => trigger.RunNowAsync(TenantId.Default, "nightly", CancellationToken.None));

        Assert.That(error!.ActiveRun, Is.EqualTo(first.Id));
    }

    [Test]
    public async Task A_manual_trigger_stores_a_queued_run_and_hands_only_its_id_to_the_queue()
    {
        var queue = new RecordingPipelineRunQueue();
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50), runs: queue);

        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(queue.Enqueued, Is.EqualTo(new[] { run.Id }));
            Assert.That((await scenario.FindAsync(run.Id)).Status, Is.EqualTo(PipelineRunStatus.Queued));
        });
    }

    [Test]
    public async Task A_scheduled_occurrence_while_a_run_is_under_way_is_skipped_without_a_second_run()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50));
        await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        await scenario.Stores.Services.GetRequiredService<PipelineScheduleJob>().TriggerAsync(TenantId.Default.Value, "nightly", CancellationToken.None);
        var runs = await scenario.Pipelines.ListRunsAsync(TenantId.Default, "nightly", 0, 10, CancellationToken.None);

        Assert.That(runs.Select(r => r.Trigger), Is.EqualTo(new[] { RunTrigger.Manual }));
    }

    [Test]
    public async Task A_run_asked_for_while_the_job_quota_is_used_up_is_refused_and_stores_nothing()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50), settings: OneJobSlot);
        await scenario.Stores.Jobs.CreateAsync(AnyJob(), CancellationToken.None);

        var refused = Assert.ThrowsAsync<LimitExceededException>(() =>
            scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None));
        var runs = await scenario.Pipelines.ListRunsAsync(TenantId.Default, "nightly", 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.ErrorCode, Is.EqualTo("job-quota"));
            Assert.That(runs, Is.Empty);
        });
    }

    [Test]
    public async Task A_run_whose_job_finds_the_job_quota_used_up_fails_its_try_and_starts_no_job()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50), settings: OneJobSlot);
        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().StartAsync(TenantId.Default, "nightly", RunTrigger.Schedule,
            CancellationToken.None);
        var other = AnyJob();
        await scenario.Stores.Jobs.CreateAsync(other, CancellationToken.None);

        Assert.ThrowsAsync<LimitExceededException>(() =>
            scenario.Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(run.Id, CancellationToken.None));
        var failed = await scenario.FindAsync(run.Id);
        var jobs = await scenario.Stores.Jobs.ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(PipelineRunStatus.Failed));
            Assert.That(failed.Error, Does.Contain("jobs queued or running"));
            Assert.That(jobs.Select(j => j.Id), Is.EqualTo(new[] { other.Id }));
        });
    }

    [Test]
    public async Task Triggering_a_pipeline_that_does_not_exist_is_not_found()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50));

        Assert.ThrowsAsync<PipelineNotFoundException>(() =>
            scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "weekly", CancellationToken.None));
    }

    [Test]
    public async Task A_run_another_worker_already_claimed_is_not_run_twice()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50));
        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);
        await scenario.Pipelines.TryUpdateRunAsync(run.Start(DateTimeOffset.UtcNow), PipelineRunStatus.Queued, 0, CancellationToken.None);

        await scenario.Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(run.Id, CancellationToken.None);
        var after = await scenario.FindAsync(run.Id);
        var jobs = await scenario.Stores.Jobs.ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((after.Status, after.Attempt), Is.EqualTo((PipelineRunStatus.Running, 1)));
            Assert.That(jobs, Is.Empty);
        });
    }

    [Test]
    public async Task Deleting_a_pipeline_with_a_queued_run_cancels_the_run_and_deletes_both()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50), runs: new RecordingPipelineRunQueue());
        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        await scenario.Stores.Services.GetRequiredService<Jobs.Pipelines.PipelineCatalog>().DeleteAsync(TenantId.Default, "nightly", CancellationToken.None);

        var store = scenario.Stores.Services.GetRequiredService<IPipelineStore>();
        Assert.Multiple(async () =>
        {
            Assert.That(await store.FindAsync(TenantId.Default, "nightly", CancellationToken.None), Is.Null);
            Assert.That(await store.FindRunAnyAsync(run.Id, CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task Cancelling_a_queued_run_ends_it_cancelled_at_once_and_frees_the_pipeline_for_the_next_run()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(50), runs: new RecordingPipelineRunQueue());
        var trigger = scenario.Stores.Services.GetRequiredService<PipelineTrigger>();
        var run = await trigger.RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        var cancelled = await scenario.Stores.Services.GetRequiredService<PipelineRunCanceller>()
            .CancelAsync(TenantId.Default, "nightly", run.Id.ToString(), CancellationToken.None);
        var next = await trigger.RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(PipelineRunStatus.Cancelled));
            Assert.That((await scenario.FindAsync(run.Id)).Status, Is.EqualTo(PipelineRunStatus.Cancelled));
            Assert.That((await scenario.FindAsync(run.Id)).FinishedAt, Is.Not.Null);
            Assert.That(next.Id, Is.Not.EqualTo(run.Id));
        });
    }

    private static Dictionary<string, string?> OneJobSlot => new() { ["AutoMLPlatform:Security:MaxActiveJobsPerTenant"] = "1" };

    private static TrainingJob AnyJob() => TrainingJob.Create(TenantId.Default,
        new JobSpec(DatasetId.New(), 1, "y", null, null, TimeSpan.FromSeconds(10), "other"), DateTimeOffset.UtcNow);
}
