using System.Collections.Concurrent;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>A queue that only records what was handed to it, in place of Hangfire.</summary>
internal sealed class RecordingJobQueue : IJobQueue
{
    public ConcurrentQueue<JobId> Enqueued { get; } = new();

    public Task EnqueueAsync(JobId id, CancellationToken cancellationToken)
    {
        Enqueued.Enqueue(id);
        return Task.CompletedTask;
    }
}
