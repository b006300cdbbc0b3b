using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Training;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>Enqueues a stored job as a Hangfire background job that receives only its id, waiting out a storage outage.</summary>
internal sealed class HangfireJobQueue(HangfireDelivery delivery, HangfirePendingDeliveries pending) : IJobQueue
{
    public Task EnqueueAsync(JobId id, CancellationToken cancellationToken) =>
        delivery.EnqueueAsync<TrainModelJob>(QueueNames.Training, job => job.ExecuteAsync(id.Value, CancellationToken.None), cancellationToken);

    public Task<IReadOnlySet<JobId>> ListPendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<JobId>>(pending.ListIds<TrainModelJob>(QueueNames.Training).Select(id => new JobId(id)).ToHashSet());
}
