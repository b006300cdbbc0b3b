using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Recovery;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Jobs.Tests.Recovery;

public class JobRecoveryServiceTests
{
    [Test]
    public async Task A_running_job_silent_past_the_lease_is_queued_again_and_a_live_one_is_left_alone()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, clock);
        var dead = await AddRunningAsync(stores, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(25));
        var alive = await AddRunningAsync(stores, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(10));

        await Recovery(stores).RequeueDeadJobsAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((await stores.Jobs.FindAnyAsync(dead.Id, CancellationToken.None))!.Status, Is.EqualTo(JobStatus.Queued));
            Assert.That((await stores.Jobs.FindAnyAsync(alive.Id, CancellationToken.None))!.Status, Is.EqualTo(JobStatus.Running));
            Assert.That(queue.Enqueued, Does.Contain(dead.Id).And.Not.Contain(alive.Id));
        });
    }

    [Test]
    public async Task Queued_jobs_are_handed_to_a_volatile_queue_again_at_start()
    {
        var queue = new RecordingJobQueue();
        using var directory = new TempDirectory();
        JobId id;
        await using (var before = await JobsHost.StartAsync(new RecordingJobQueue(), settings: new() { ["AutoMLPlatform:DataDirectory"] = directory.Path }))
        {
            var job = NewJob(DateTimeOffset.UtcNow);
            await before.Jobs.CreateAsync(job, CancellationToken.None);
            id = job.Id;
        }

        await using var after = await JobsHost.StartAsync(queue, settings: new() { ["AutoMLPlatform:DataDirectory"] = directory.Path });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!queue.Enqueued.Contains(id))
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.That(queue.Enqueued, Does.Contain(id));
    }

    private static JobRecoveryService Recovery(PlatformStores stores) =>
        stores.Services.GetServices<IHostedService>().OfType<JobRecoveryService>().Single();

    private static async Task<TrainingJob> AddRunningAsync(PlatformStores stores, DateTimeOffset now)
    {
        var running = NewJob(now).Start(now);
        await stores.Jobs.CreateAsync(running, CancellationToken.None);
        return running;
    }

    private static TrainingJob NewJob(DateTimeOffset now) => TrainingJob.Create(TenantId.Default,
        new JobSpec(DatasetId.New(), 1, "y", null, null, TimeSpan.FromSeconds(10), "m"), now);
}
