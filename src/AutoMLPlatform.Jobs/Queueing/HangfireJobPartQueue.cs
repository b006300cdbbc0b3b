using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.FanOut;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>Enqueues a part of a fanned-out job as a Hangfire background job that receives only its coordinates, waiting out a storage outage.</summary>
internal sealed class HangfireJobPartQueue(HangfireDelivery delivery) : IJobPartQueue
{
    public Task EnqueueAsync(JobId id, int attempt, int part, CancellationToken cancellationToken) =>
        delivery.EnqueueAsync<TrainJobPartJob>(QueueNames.Training, job => job.ExecuteAsync(id.Value, attempt, part, CancellationToken.None), cancellationToken);
}
