using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Jobs.Tests.Leasing;

public class JobRecoveryTests
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

        await Recovery(stores).SweepAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((await stores.Jobs.FindAnyAsync(dead.Id, CancellationToken.None))!.Status, Is.EqualTo(JobStatus.Queued));
            Assert.That((await stores.Jobs.FindAnyAsync(alive.Id, CancellationToken.None))!.Status, Is.EqualTo(JobStatus.Running));
            Assert.That(queue.Enqueued, Does.Contain(dead.Id).And.Not.Contain(alive.Id));
        });
    }

    [Test]
    public async Task A_running_job_silent_past_the_lease_on_its_last_attempt_fails_with_the_reason_instead_of_going_round_again()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, clock, new() { ["AutoMLPlatform:Jobs:MaxAttempts"] = "3" });
        var poison = await AddRunningAsync(stores, clock.GetUtcNow(), attempt: 3);
        clock.Advance(TimeSpan.FromSeconds(31));

        await Recovery(stores).SweepAsync(CancellationToken.None);
        var after = await stores.Jobs.FindAnyAsync(poison.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(after!.Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(after.Error, Does.Contain("3 attempts").And.Contain("no heartbeat"));
            Assert.That(queue.Enqueued, Does.Not.Contain(poison.Id));
        });
    }

    [Test]
    public async Task A_queued_job_that_already_started_every_attempt_fails_when_delivered_instead_of_running()
    {
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, settings: new() { ["AutoMLPlatform:Jobs:MaxAttempts"] = "2" });
        var running = await AddRunningAsync(stores, DateTimeOffset.UtcNow, attempt: 2);
        await stores.Jobs.TryUpdateAsync(running.Requeue(), JobStatus.Running, 2, CancellationToken.None);

        await stores.Services.GetRequiredService<Jobs.Training.ITrainingRunner>().RunAsync(running.Id, CancellationToken.None);
        var after = await stores.Jobs.FindAnyAsync(running.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((after!.Status, after.Attempt), Is.EqualTo((JobStatus.Failed, 2)));
            Assert.That(after.Error, Does.Contain("2 attempts"));
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

    [Test]
    public async Task A_queued_job_the_queue_has_held_no_delivery_for_past_the_grace_is_handed_to_it_again_and_a_delivered_one_is_not()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, clock, configure: WithoutBackgroundRecovery);
        var recovery = ActivatorUtilities.CreateInstance<LeaseRecoveryService<TrainingJob>>(stores.Services);
        var lost = NewJob(clock.GetUtcNow());
        var delivered = NewJob(clock.GetUtcNow());
        await stores.Jobs.CreateAsync(lost, CancellationToken.None);
        await stores.Jobs.CreateAsync(delivered, CancellationToken.None);
        await queue.EnqueueAsync(delivered.Id, CancellationToken.None);

        await recovery.RedeliverLostAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await recovery.RedeliverLostAsync(CancellationToken.None);
        var withinGrace = queue.Enqueued.ToList();
        clock.Advance(TimeSpan.FromSeconds(6));
        await recovery.RedeliverLostAsync(CancellationToken.None);
        var pastGrace = queue.Enqueued.ToList();
        clock.Advance(TimeSpan.FromSeconds(30));
        await recovery.RedeliverLostAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(withinGrace, Is.EqualTo(new[] { delivered.Id }), "a row missing its delivery briefly is between its write and its enqueue");
            Assert.That(pastGrace, Is.EqualTo(new[] { delivered.Id, lost.Id }));
            Assert.That(queue.Enqueued, Is.EqualTo(pastGrace), "a row handed over has a delivery again");
        });
    }

    [Test]
    public async Task A_job_whose_delivery_shows_again_before_the_grace_ends_starts_its_grace_anew_when_it_goes_missing()
    {
        var clock = JobsHost.Clock();
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, clock, configure: WithoutBackgroundRecovery);
        var recovery = ActivatorUtilities.CreateInstance<LeaseRecoveryService<TrainingJob>>(stores.Services);
        var job = NewJob(clock.GetUtcNow());
        await stores.Jobs.CreateAsync(job, CancellationToken.None);

        await recovery.RedeliverLostAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await queue.EnqueueAsync(job.Id, CancellationToken.None);
        await recovery.RedeliverLostAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        queue.LoseDeliveries();
        await recovery.RedeliverLostAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await recovery.RedeliverLostAsync(CancellationToken.None);

        Assert.That(queue.Enqueued, Is.EqualTo(new[] { job.Id }), "missing 10 s, present, missing 10 s: never missing for 15 s in a row");
    }

    /// <summary>The tests drive their own recovery instance: the host's would race them with its pass at start.</summary>
    private static void WithoutBackgroundRecovery(IServiceCollection services)
    {
        foreach (var recovery in services.Where(d => d.ImplementationType is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() == typeof(LeaseRecoveryService<>)).ToList())
        {
            services.Remove(recovery);
        }
    }

    private static LeaseRecoveryService<TrainingJob> Recovery(PlatformStores stores) =>
        stores.Services.GetServices<IHostedService>().OfType<LeaseRecoveryService<TrainingJob>>().Single();

    private static async Task<TrainingJob> AddRunningAsync(PlatformStores stores, DateTimeOffset now, int attempt = 1)
    {
        var running = NewJob(now).Start(now) with { Attempt = attempt };
        await stores.Jobs.CreateAsync(running, CancellationToken.None);
        return running;
    }

    private static TrainingJob NewJob(DateTimeOffset now) => TrainingJob.Create(TenantId.Default,
        new JobSpec(DatasetId.New(), 1, "y", null, null, TimeSpan.FromSeconds(10), "m"), now);
}
