using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// A worker's hold on one running attempt of a pipeline run, after <see cref="Training.JobLease"/>: every write of
/// the row is a compare-and-set on (Running, attempt), one at a time. If recovery requeued the run meanwhile (this
/// worker looked dead), the write fails, <see cref="Lost"/> fires and the worker stops, so no run is finished twice.
/// A background loop writes the heartbeat that tells recovery the worker is alive.
/// </summary>
internal sealed class PipelineRunLease : IAsyncDisposable
{
    private readonly IPipelineStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;

    public PipelineRunLease(IPipelineStore store, TimeProvider time, PipelineRun running, TimeSpan heartbeatInterval)
    {
        _store = store;
        _time = time;
        Current = running;
        _heartbeat = HeartbeatLoopAsync(heartbeatInterval);
    }

    /// <summary>The run as this worker last wrote it.</summary>
    public PipelineRun Current { get; private set; }

    /// <summary>Fires when another writer moved the run on: this worker must stop and write nothing more.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Applies <paramref name="change"/> to the row if this worker still holds it. False if the lease is lost.</summary>
    public async Task<bool> UpdateAsync(Func<PipelineRun, PipelineRun> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            var updated = change(Current);
            if (!await _store.TryUpdateRunAsync(updated, PipelineRunStatus.Running, Current.Attempt, cancellationToken).ConfigureAwait(false))
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
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var now = _time.GetUtcNow();
                await UpdateAsync(run => run with { HeartbeatAt = now }, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the attempt is over.
        }
    }
}
