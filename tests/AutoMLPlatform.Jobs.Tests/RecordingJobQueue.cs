using System.Collections.Concurrent;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>A queue that only records what was handed to it, in place of Hangfire; nothing it holds is ever run.</summary>
internal sealed class RecordingJobQueue : IJobQueue
{
    private readonly ConcurrentDictionary<JobId, bool> _pending = new();

    public ConcurrentQueue<JobId> Enqueued { get; } = new();

    public Task EnqueueAsync(JobId id, CancellationToken cancellationToken)
    {
        Enqueued.Enqueue(id);
        _pending[id] = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<JobId>> ListPendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<JobId>>(_pending.Keys.ToHashSet());

    /// <summary>Forgets every delivery it holds, as a queue whose storage lost them would.</summary>
    public void LoseDeliveries() => _pending.Clear();
}
