using System.Data.Common;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>
/// A worker's hold on one part of a fanned-out job: a background loop writes the part's heartbeat and fires
/// <see cref="Stopped"/> when the part should end early: the coordinator went on without it (abandoned), or the job
/// itself moved on (cancel requested, finished, or requeued to a new attempt whose own parts replace this one).
/// </summary>
internal sealed class PartWatch : IAsyncDisposable
{
    private readonly IJobPartStore _parts;
    private readonly IJobStore _jobs;
    private readonly TimeProvider _time;
    private readonly JobId _jobId;
    private readonly int _attempt;
    private readonly int _index;
    private readonly CancellationTokenSource _stopped = new();
    private readonly CancellationTokenSource _dispose = new();
    private readonly Task _loop;

    public PartWatch(IJobPartStore parts, IJobStore jobs, TimeProvider time, JobId jobId, int attempt, int index, TimeSpan interval)
    {
        _parts = parts;
        _jobs = jobs;
        _time = time;
        _jobId = jobId;
        _attempt = attempt;
        _index = index;
        _loop = LoopAsync(interval);
    }

    /// <summary>Fires when the part's work is no longer wanted.</summary>
    public CancellationToken Stopped => _stopped.Token;

    /// <summary>Why <see cref="Stopped"/> fired, in words; null while it has not.</summary>
    public string? Reason { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _dispose.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _dispose.Dispose();
        _stopped.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (!_stopped.IsCancellationRequested && await timer.WaitForNextTickAsync(_dispose.Token).ConfigureAwait(false))
            {
                try
                {
                    Reason = await CheckAsync().ConfigureAwait(false);
                    if (Reason is not null)
                    {
                        await _stopped.CancelAsync().ConfigureAwait(false);
                    }
                }
                catch (DbException)
                {
                    // The database is away for a moment: the search goes on, the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException) when (_dispose.IsCancellationRequested)
        {
            // Disposed: the part is over.
        }
    }

    private async Task<string?> CheckAsync()
    {
        var job = await _jobs.FindAnyAsync(_jobId, _dispose.Token).ConfigureAwait(false);
        if (job is { CancelRequested: true })
        {
            return "the job was cancelled";
        }

        if (job is null || job.Status != JobStatus.Running || job.Attempt != _attempt)
        {
            return "the job is no longer running this attempt";
        }

        return await _parts.TryHeartbeatAsync(_jobId, _attempt, _index, _time.GetUtcNow(), _dispose.Token).ConfigureAwait(false)
            ? null
            : "the job went on without this part";
    }
}
