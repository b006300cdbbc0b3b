using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Retraining;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMLPlatform.Jobs.Tests.Queueing;

public class HangfirePendingDeliveriesTests
{
    [Test]
    public async Task A_delivery_waiting_in_its_queue_is_pending_for_its_own_kind_of_row_until_it_is_deleted()
    {
        var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var delivery = new HangfireDelivery(client, TimeProvider.System, NullLogger<HangfireDelivery>.Instance);
        var pending = new HangfirePendingDeliveries(storage);
        var jobs = new HangfireJobQueue(delivery, pending);
        var runs = new HangfirePipelineRunQueue(delivery, pending);
        var (kept, deleted) = (JobId.New(), JobId.New());
        var run = PipelineRunId.New();
        await jobs.EnqueueAsync(kept, CancellationToken.None);
        await jobs.EnqueueAsync(deleted, CancellationToken.None);
        await runs.EnqueueAsync(run, CancellationToken.None);
        var deletedHangfireId = storage.GetMonitoringApi().EnqueuedJobs(QueueNames.Training, 0, 10)
            .Single(j => j.Value.Job.Args[0] is Guid id && id == deleted.Value).Key;

        var before = await jobs.ListPendingAsync(CancellationToken.None);
        client.Delete(deletedHangfireId);
        var after = await jobs.ListPendingAsync(CancellationToken.None);
        var pendingRuns = await runs.ListPendingAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EquivalentTo(new[] { kept, deleted }));
            Assert.That(after, Is.EquivalentTo(new[] { kept }));
            Assert.That(pendingRuns, Is.EquivalentTo(new[] { run }));
        });
    }

    [Test]
    public async Task Deliveries_past_one_page_of_the_monitoring_api_are_all_read()
    {
        var storage = new InMemoryStorage();
        var delivery = new HangfireDelivery(new BackgroundJobClient(storage), TimeProvider.System, NullLogger<HangfireDelivery>.Instance);
        var jobs = new HangfireJobQueue(delivery, new HangfirePendingDeliveries(storage));
        var ids = Enumerable.Range(0, 1203).Select(_ => JobId.New()).ToList();
        foreach (var id in ids)
        {
            await jobs.EnqueueAsync(id, CancellationToken.None);
        }

        var pending = await jobs.ListPendingAsync(CancellationToken.None);

        Assert.That(pending, Is.EquivalentTo(ids));
    }
}
