using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The bounded hand-over between requests and the <see cref="Shadow.ShadowScorer"/>: a request only tries to enqueue (never
/// waits), so a shadow version costs the answer only the copy of its row; what does not fit is counted
/// (<c>scoring_shadow_dropped_total</c>), as are the rows scored (<c>scoring_shadow_scored_total</c>).
/// </summary>
internal sealed class ShadowQueue
{
    private readonly Channel<ShadowRow> _channel;
    private long _dropped;
    private long _scored;

    public ShadowQueue(IOptions<ScoringOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _channel = Channel.CreateBounded<ShadowRow>(
            new BoundedChannelOptions(options.Value.PredictionLog.ShadowQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var meter = meters.Create(ScoringMetrics.MeterName);
        meter.CreateObservableCounter("scoring.shadow.dropped", () => Dropped, "{row}",
            "Rows a shadow version was to score but did not: its queue was full, or the version was retired first.");
        meter.CreateObservableCounter("scoring.shadow.scored", () => Scored, "{row}", "Rows shadow versions scored (their outputs go to the prediction log).");
        meter.CreateObservableGauge("scoring.shadow.queued", () => _channel.Reader.Count, "{row}", "Rows waiting for their shadow version.");
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Scored => Interlocked.Read(ref _scored);

    public ChannelReader<ShadowRow> Reader => _channel.Reader;

    /// <summary>Enqueues without waiting; false (and counted) when the queue is full.</summary>
    public bool TryEnqueue(ShadowRow row)
    {
        if (_channel.Writer.TryWrite(row))
        {
            return true;
        }

        CountDropped();
        return false;
    }

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public void CountScored() => Interlocked.Increment(ref _scored);
}
