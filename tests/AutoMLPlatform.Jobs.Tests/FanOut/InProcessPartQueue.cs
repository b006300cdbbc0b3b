using System.Collections.Concurrent;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.FanOut;

namespace AutoMLPlatform.Jobs.Tests.FanOut;

/// <summary>
/// In place of Hangfire: each enqueued part runs at once on a thread-pool task through the real part runner, as a
/// second worker would; with <see cref="Drop"/> set, parts are only recorded, as when no worker is free.
/// </summary>
internal sealed class InProcessPartQueue : IJobPartQueue
{
    private readonly ConcurrentQueue<Task> _running = new();

    /// <summary>The runner parts go to; set once the host is built.</summary>
    public IJobPartRunner? Runner { get; set; }

    public bool Drop { get; init; }

    public ConcurrentQueue<int> Enqueued { get; } = new();

    public Task EnqueueAsync(JobId id, int attempt, int part, CancellationToken cancellationToken)
    {
        Enqueued.Enqueue(part);
        if (!Drop)
        {
            var runner = Runner ?? throw new InvalidOperationException("Set the runner before parts are enqueued.");
            _running.Enqueue(Task.Run(() => runner.RunAsync(id, attempt, part, CancellationToken.None), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for every part handed out so far to end.</summary>
    public Task DrainAsync() => Task.WhenAll(_running);
}
