using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AutoMLPlatform.Scoring.Metrics;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// A bounded hand-over from requests to one background reader: a request only ever tries to enqueue (never waits), so
/// a slow or absent reader costs predictions nothing. What does not fit, or what the reader could not handle, is
/// counted as dropped; what it handled is counted too. Both counts and the queue's length are metrics named
/// <c>{prefix}.dropped</c>, <c>{prefix}.{handled}</c> and <c>{prefix}.queued</c>.
/// </summary>
internal abstract class CountedQueue<T>
{
    private readonly Channel<T> _channel;
    private long _dropped;
    private long _handled;

    protected CountedQueue(int capacity, IMeterFactory meters, CountedQueueMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(metrics);
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var meter = meters.Create(ScoringMetrics.MeterName);
        meter.CreateObservableCounter($"{metrics.Prefix}.dropped", () => Dropped, "{row}", metrics.Dropped);
        meter.CreateObservableCounter($"{metrics.Prefix}.{metrics.HandledName}", () => Handled, "{row}", metrics.Handled);
        meter.CreateObservableGauge($"{metrics.Prefix}.queued", () => _channel.Reader.Count, "{row}", metrics.Queued);
    }

    /// <summary>Rows not handled: the queue was full, or the reader failed or gave them up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Rows the reader handled.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Enqueues without waiting; false (and counted) when the queue is full.</summary>
    public bool TryEnqueue(T row)
    {
        if (_channel.Writer.TryWrite(row))
        {
            return true;
        }

        CountDropped();
        return false;
    }

    public void CountDropped(long rows = 1) => Interlocked.Add(ref _dropped, rows);

    public void CountHandled(long rows = 1) => Interlocked.Add(ref _handled, rows);
}
