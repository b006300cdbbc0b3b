using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using Hangfire;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>Enqueues a stored pipeline run as a Hangfire background job that receives only its id.</summary>
internal sealed class HangfirePipelineRunQueue(IBackgroundJobClient client) : IPipelineRunQueue
{
    public Task EnqueueAsync(PipelineRunId id, CancellationToken cancellationToken)
    {
        client.Enqueue<PipelineRunJob>(QueueNames.Pipelines, job => job.ExecuteAsync(id.Value, CancellationToken.None));
        return Task.CompletedTask;
    }
}
