using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Training;
using Hangfire;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>Enqueues a stored job as a Hangfire background job that receives only its id.</summary>
internal sealed class HangfireJobQueue(IBackgroundJobClient client) : IJobQueue
{
    public Task EnqueueAsync(JobId id, CancellationToken cancellationToken)
    {
        client.Enqueue<TrainModelJob>(QueueNames.Training, job => job.ExecuteAsync(id.Value, CancellationToken.None));
        return Task.CompletedTask;
    }
}
