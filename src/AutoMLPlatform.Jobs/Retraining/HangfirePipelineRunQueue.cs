using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Queueing;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>Enqueues a stored pipeline run as a Hangfire background job that receives only its id, waiting out a storage outage.</summary>
internal sealed class HangfirePipelineRunQueue(HangfireDelivery delivery, HangfirePendingDeliveries pending) : IPipelineRunQueue
{
    public Task EnqueueAsync(PipelineRunId id, CancellationToken cancellationToken) =>
        delivery.EnqueueAsync<PipelineRunJob>(QueueNames.Pipelines, job => job.ExecuteAsync(id.Value, CancellationToken.None), cancellationToken);

    public Task<IReadOnlySet<PipelineRunId>> ListPendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<PipelineRunId>>(pending.ListIds<PipelineRunJob>(QueueNames.Pipelines).Select(id => new PipelineRunId(id)).ToHashSet());
}
