using System.Data.Common;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// A worker's hold on one claimed row (a job's attempt, a pipeline run's attempt, a fan-out part). Every write of the
/// row goes through here, one at a time, as a compare-and-set against the row as this worker last wrote it: if recovery
/// has meanwhile requeued it, or another writer finished it, the write fails, <see cref="Lost"/> fires and the worker
/// stops, so two workers never both finish one row. A background loop writes the heartbeat that tells recovery the
/// worker is alive and turns a stop request on the store into <see cref="StopRequested"/>. Heartbeats ride out
/// database errors (a restart): the work goes on, the next beat tries again, and only silence longer than the lease
/// timeout lets recovery give the row to another worker.
/// </summary>
/// <typeparam name="TRow">The leased row.</typeparam>
internal sealed class Lease<TRow> : IAsyncDisposable
    where TRow : class
{
    private readonly ILeasedRows<TRow> _rows;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopRequested = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _dispose = new();
    private readonly Task _heartbeat;

    public Lease(ILeasedRows<TRow> rows, TimeProvider time, TRow claimed, TimeSpan heartbeatInterval)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows;
        _time = time;
        Current = claimed;
        _heartbeat = HeartbeatLoopAsync(heartbeatInterval);
    }

    /// <summary>The row as this worker last wrote it.</summary>
    public TRow Current { get; private set; }

    /// <summary>Fires when the store says the work should stop (the user cancelled it); the worker still holds the row.</summary>
    public CancellationToken StopRequested => _stopRequested.Token;

    /// <summary>Why <see cref="StopRequested"/> fired, in words; null while it has not.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Fires when another writer moved the row on: this worker must stop and write nothing more.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Applies <paramref name="change"/> to the row if this worker still holds it. False if the lease is lost.</summary>
    public Task<bool> UpdateAsync(Func<TRow, TRow> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WriteAsync(change, cancellationToken);
    }

    /// <summary>As <see cref="UpdateAsync"/>; a change that returns null writes nothing.</summary>
    private async Task<bool> WriteAsync(Func<TRow, TRow?> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            var updated = change(Current);
            if (updated is null)
            {
                return true;
            }

            if (!await _rows.TryWriteAsync(updated, Current, cancellationToken).ConfigureAwait(false))
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
        await _dispose.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
        _dispose.Dispose();
        _stopRequested.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task BeatAsync()
    {
        if (StopReason is null && await _rows.StopRequestAsync(Current, _dispose.Token).ConfigureAwait(false) is { } reason)
        {
            StopReason = reason;
            await _stopRequested.CancelAsync().ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        // Decided under the write gate: once this worker finished the row there is nothing left to hold.
        await WriteAsync(row => _rows.IsRunning(row) ? _rows.Beat(row, now) : null, _dispose.Token).ConfigureAwait(false);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (!_lost.IsCancellationRequested && await timer.WaitForNextTickAsync(_dispose.Token).ConfigureAwait(false))
            {
                try
                {
                    await BeatAsync().ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // The database is unreachable for a moment (a restart): the work goes on and the next beat tries
                    // again. Silence longer than the lease timeout lets recovery give the row to another worker.
                }
            }
        }
        catch (OperationCanceledException) when (_dispose.IsCancellationRequested)
        {
            // Disposed: the attempt is over.
        }
    }
}
