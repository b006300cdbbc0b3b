using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Jobs.Tests.Leasing;

public class PipelineRunRecoveryTests
{
    [Test]
    public async Task A_running_run_whose_heartbeat_stopped_is_queued_again_and_handed_to_the_queue()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingPipelineRunQueue();
        await using var stores = await StartAsync(clock, queue);
        var run = await StartedRunAsync(stores, clock);
        clock.Advance(TimeSpan.FromSeconds(31));

        await Recovery(stores).SweepAsync(CancellationToken.None);
        var after = await stores.Services.GetRequiredService<IPipelineStore>().FindRunAnyAsync(run.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(after!.Status, Is.EqualTo(PipelineRunStatus.Queued));
            Assert.That(queue.Enqueued, Does.Contain(run.Id));
        });
    }

    [Test]
    public async Task A_running_run_with_a_fresh_heartbeat_is_left_alone()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingPipelineRunQueue();
        await using var stores = await StartAsync(clock, queue);
        var run = await StartedRunAsync(stores, clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        await Recovery(stores).SweepAsync(CancellationToken.None);
        var after = await stores.Services.GetRequiredService<IPipelineStore>().FindRunAnyAsync(run.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(after!.Status, Is.EqualTo(PipelineRunStatus.Running));
            Assert.That(queue.Enqueued, Is.Empty);
        });
    }

    [Test]
    public async Task A_run_queued_before_a_restart_is_handed_to_the_queue_again_at_start()
    {
        using var data = new TempDirectory();
        PipelineRun run;
        await using (var first = await StartAsync(JobsHost.Clock(), new RecordingPipelineRunQueue(), data.Path))
        {
            run = await first.Services.GetRequiredService<PipelineTrigger>().RunNowAsync(TenantId.Default, "nightly", CancellationToken.None);
        }

        var queue = new RecordingPipelineRunQueue();
        await using var second = await JobsHost.StartAsync(new RecordingJobQueue(), runs: queue, dataDirectory: data.Path);
        await WaitUntilAsync(() => !queue.Enqueued.IsEmpty);

        Assert.That(queue.Enqueued, Is.EqualTo(new[] { run.Id }));
    }

    private static async Task<PlatformStores> StartAsync(TimeProvider clock, RecordingPipelineRunQueue queue, string? dataDirectory = null)
    {
        var stores = await JobsHost.StartAsync(new RecordingJobQueue(), clock, runs: queue, dataDirectory: dataDirectory);
        await stores.AddDatasetAsync("rule", TestTables.BinaryCsv(50));
        await stores.Services.GetRequiredService<Jobs.Pipelines.PipelineCatalog>().CreateAsync(TenantId.Default,
            new Jobs.Pipelines.PipelineDocument("nightly", "rule", "y", Schedule: new Jobs.Pipelines.ScheduleDocument("0 3 * * *")), CancellationToken.None);
        return stores;
    }

    private static async Task<PipelineRun> StartedRunAsync(PlatformStores stores, TimeProvider clock)
    {
        var run = await stores.Services.GetRequiredService<PipelineTrigger>().StartAsync(TenantId.Default, "nightly", RunTrigger.Manual, CancellationToken.None);
        await stores.Services.GetRequiredService<IPipelineStore>().TryUpdateRunAsync(run.Start(clock.GetUtcNow()), PipelineRunStatus.Queued, 0, CancellationToken.None);
        return run;
    }

    private static LeaseRecoveryService<PipelineRun> Recovery(PlatformStores stores) =>
        stores.Services.GetServices<IHostedService>().OfType<LeaseRecoveryService<PipelineRun>>().Single();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
