using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The bounded hand-over between requests and the <see cref="PredictionLogWriter"/>: a request only ever tries to
/// enqueue (never waits), so a slow or absent database costs predictions nothing; what does not fit is counted
/// (<c>scoring_prediction_log_dropped_total</c>), as are the rows written (<c>scoring_prediction_log_written_total</c>).
/// </summary>
internal sealed class PredictionLogQueue
{
    private readonly Channel<PendingPrediction> _channel;
    private long _dropped;
    private long _written;

    public PredictionLogQueue(IOptions<ScoringOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _channel = Channel.CreateBounded<PendingPrediction>(
            new BoundedChannelOptions(options.Value.PredictionLog.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var meter = meters.Create(ScoringMetrics.MeterName);
        meter.CreateObservableCounter("scoring.prediction_log.dropped", () => Dropped, "{row}",
            "Predicted rows that were to be logged but were not: the queue was full or the store refused the batch.");
        meter.CreateObservableCounter("scoring.prediction_log.written", () => Written, "{row}", "Predicted rows written to the prediction log.");
        meter.CreateObservableGauge("scoring.prediction_log.queued", () => _channel.Reader.Count, "{row}", "Logged rows waiting for the writer.");
    }

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Rows not logged: the queue was full, or the writer failed to store them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<PendingPrediction> Reader => _channel.Reader;

    /// <summary>Enqueues without waiting; false (and counted) when the queue is full.</summary>
    public bool TryEnqueue(PendingPrediction row)
    {
        if (_channel.Writer.TryWrite(row))
        {
            return true;
        }

        CountDropped(1);
        return false;
    }

    public void CountDropped(long rows) => Interlocked.Add(ref _dropped, rows);

    public void CountWritten(long rows) => Interlocked.Add(ref _written, rows);
}
