using System.Data.Common;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// A worker's hold on one running attempt of a job. Every write of the row goes through here, one at a time, as a
/// compare-and-set on (Running, attempt): if recovery has meanwhile requeued the job or the user's cancel finished
/// it, the write fails, <see cref="Lost"/> fires and the worker stops, so two workers never both finish one job.
/// A background loop writes the heartbeat and turns a cancel request on the row into <see cref="Cancelled"/>.
/// </summary>
internal sealed class JobLease : IAsyncDisposable
{
    private readonly IJobStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _cancelled = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;

    public JobLease(IJobStore store, TimeProvider time, TrainingJob running, TimeSpan heartbeatInterval)
    {
        _store = store;
        _time = time;
        Current = running;
        _heartbeat = HeartbeatLoopAsync(heartbeatInterval);
    }

    /// <summary>The job as this worker last wrote it.</summary>
    public TrainingJob Current { get; private set; }

    /// <summary>Fires when the user asked to cancel the job.</summary>
    public CancellationToken Cancelled => _cancelled.Token;

    /// <summary>Fires when another writer moved the job on: this worker must stop and write nothing more.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Applies <paramref name="change"/> to the row if this worker still holds it. False if the lease is lost.</summary>
    public async Task<bool> UpdateAsync(Func<TrainingJob, TrainingJob> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            var updated = change(Current);
            if (!await _store.TryUpdateAsync(updated, JobStatus.Running, Current.Attempt, cancellationToken).ConfigureAwait(false))
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return false;
            }

            Current = updated;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
        _stop.Dispose();
        _cancelled.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task BeatAsync()
    {
        var stored = await _store.FindAnyAsync(Current.Id, _stop.Token).ConfigureAwait(false);
        if (stored is { CancelRequested: true })
        {
            await _cancelled.CancelAsync().ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        await UpdateAsync(job => job with
        {
            HeartbeatAt = now,
            Progress = job.Progress with { Elapsed = now - (job.StartedAt ?? now) },
        }, _stop.Token).ConfigureAwait(false);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await BeatAsync().ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // The database is unreachable for a moment (a restart): training goes on and the next beat tries
                    // again. Silence longer than the lease timeout lets recovery give the job to another worker.
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the run is over.
        }
    }
}
