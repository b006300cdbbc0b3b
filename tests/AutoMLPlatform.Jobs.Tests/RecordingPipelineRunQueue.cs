using System.Collections.Concurrent;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>A pipeline run queue that only records what was handed to it, in place of Hangfire; nothing it holds is ever run.</summary>
internal sealed class RecordingPipelineRunQueue : IPipelineRunQueue
{
    private readonly ConcurrentDictionary<PipelineRunId, bool> _pending = new();

    public ConcurrentQueue<PipelineRunId> Enqueued { get; } = new();

    public Task EnqueueAsync(PipelineRunId id, CancellationToken cancellationToken)
    {
        Enqueued.Enqueue(id);
        _pending[id] = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<PipelineRunId>> ListPendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<PipelineRunId>>(_pending.Keys.ToHashSet());
}
