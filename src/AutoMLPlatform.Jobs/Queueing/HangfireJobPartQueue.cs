using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.FanOut;
using Hangfire;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>Enqueues a part of a fanned-out job as a Hangfire background job that receives only its coordinates.</summary>
internal sealed class HangfireJobPartQueue(IBackgroundJobClient client) : IJobPartQueue
{
    public Task EnqueueAsync(JobId id, int attempt, int part, CancellationToken cancellationToken)
    {
        client.Enqueue<TrainJobPartJob>(QueueNames.Training, job => job.ExecuteAsync(id.Value, attempt, part, CancellationToken.None));
        return Task.CompletedTask;
    }
}
