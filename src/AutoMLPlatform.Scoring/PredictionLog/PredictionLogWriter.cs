using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// Drains the <see cref="PredictionLogQueue"/> in batches of up to <see cref="PredictionLogOptions.BatchSize"/> rows
/// (gathered for up to <see cref="PredictionLogOptions.BatchDelay"/>), each one insert transaction. Inputs are written
/// as the model sees them: a keyed-hash column's value is replaced by its tenant's hash here, before the store sees it, so no raw value of such a column reaches the store; columns
/// dropped at training are not model inputs and were never read. A batch the store refuses is counted as dropped.
/// At a graceful stop what is queued is written; a crash loses the queue (at most <see cref="PredictionLogOptions.QueueCapacity"/> rows).
/// </summary>
internal sealed partial class PredictionLogWriter(PredictionLogQueue queue, IPredictionLogStore store, IKeyedHasherSource hashers,
    IOptions<ScoringOptions> options, TimeProvider time, ILogger<PredictionLogWriter> logger) : BackgroundService
{
    private readonly List<PendingPrediction> _batch = new(options.Value.PredictionLog.BatchSize);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested && Fill() > 0)
        {
            await WriteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var delay = options.Value.PredictionLog.BatchDelay;
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (delay > TimeSpan.Zero && queue.Reader.Count < options.Value.PredictionLog.BatchSize)
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }

                Fill();
                await WriteAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private int Fill()
    {
        var size = options.Value.PredictionLog.BatchSize;
        while (_batch.Count < size && queue.Reader.TryRead(out var row))
        {
            _batch.Add(row);
        }

        return _batch.Count;
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var hashersByTenant = new Dictionary<TenantId, IKeyedHasher>();
            var logged = new LoggedPrediction[_batch.Count];
            for (var i = 0; i < _batch.Count; i++)
            {
                var row = _batch[i];
                var hasher = await HasherAsync(hashersByTenant, row, cancellationToken).ConfigureAwait(false);
                logged[i] = new LoggedPrediction(row.Id, row.Tenant, row.ModelName, row.Version, row.At, Inputs(row, hasher),
                    row.Label, float.IsNaN(row.Value) ? null : row.Value, row.Probabilities)
                { Shadow = row.Shadow, ShadowOf = row.ShadowOf };
            }

            await store.AppendAsync(logged, cancellationToken).ConfigureAwait(false);
            queue.CountHandled(logged.Length);
            _batch.Clear();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The rows are lost, never the process: predictions go on, the dropped count says how many.
            queue.CountDropped(_batch.Count);
            LogBatchFailed(logger, _batch.Count, ex);
            _batch.Clear();
        }

        // Cancelled by a stop: the batch stays, and StopAsync writes it with what is still queued.
    }

    private async Task<IKeyedHasher?> HasherAsync(Dictionary<TenantId, IKeyedHasher> known, PendingPrediction row, CancellationToken cancellationToken)
    {
        if (!row.Columns.HasKeyedHash)
        {
            return null;
        }

        if (!known.TryGetValue(row.Tenant, out var hasher))
        {
            hasher = await hashers.ForTenantAsync(row.Tenant, cancellationToken).ConfigureAwait(false);
            known[row.Tenant] = hasher;
        }

        return hasher;
    }

    /// <summary>
    /// The row's inputs as the model saw them: keyed-hash columns replaced by their hash, here, before anything is
    /// stored. The hashes go into a copy: a batch cut short by a stop is built again from the same rows.
    /// </summary>
    private static LoggedInputs Inputs(PendingPrediction row, IKeyedHasher? hasher)
    {
        if (hasher is null)
        {
            return new LoggedInputs(row.Columns.Names, row.Numbers, row.Texts);
        }

        var columns = row.Columns.Columns;
        var texts = (string?[])row.Texts.Clone();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].KeyedHash && texts[i] is { Length: > 0 } text)
            {
                texts[i] = hasher.Hash(text);
            }
        }

        return new LoggedInputs(row.Columns.Names, row.Numbers, texts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Rows} logged predictions; they are counted as dropped")]
    private static partial void LogBatchFailed(ILogger logger, int rows, Exception exception);
}
