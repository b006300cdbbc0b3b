using System.Collections.Concurrent;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Retraining;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>A pipeline run queue that only records what was handed to it, in place of Hangfire.</summary>
internal sealed class RecordingPipelineRunQueue : IPipelineRunQueue
{
    public ConcurrentQueue<PipelineRunId> Enqueued { get; } = new();

    public Task EnqueueAsync(PipelineRunId id, CancellationToken cancellationToken)
    {
        Enqueued.Enqueue(id);
        return Task.CompletedTask;
    }
}
