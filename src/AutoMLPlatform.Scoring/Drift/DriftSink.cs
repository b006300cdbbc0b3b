using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Where a loaded version's scored rows go for drift, from its first answer on. The version's reference is built in
/// the background (<see cref="DriftMonitor"/>), so a cold model never waits for it; until it is ready the sink keeps
/// copies of the first <see cref="MaxBufferedRows"/> rows and counts them into the recorder once it is (exactly, as
/// if they had come after), and beyond that counts only the rows themselves: they are in the version's exact row
/// total, their values are left out of the histograms (<see cref="SkippedRows"/>). Once ready, a row costs one more
/// volatile read than recording into the recorder directly. When no reference can be built, rows are not counted, as
/// for any version that is not monitored.
/// </summary>
internal sealed class DriftSink
{
    /// <summary>Rows kept, per version, while its reference is built; about a second of a busy host's traffic.</summary>
    public const int MaxBufferedRows = 10_000;

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<DriftRecorder?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DriftRecorder? _recorder;
    private List<(RowTarget Row, PredictionValues Output)>? _buffer = [];
    private long _skipped;
    private volatile bool _closed;

    /// <summary>The recorder once the reference is built; null before, and for good when none could be built.</summary>
    public DriftRecorder? Recorder => Volatile.Read(ref _recorder);

    /// <summary>Completes with the recorder (the rows scored meanwhile already counted into it), or null when no reference could be built.</summary>
    public Task<DriftRecorder?> Ready => _ready.Task;

    /// <summary>Rows scored while the reference was built, beyond the buffer: in the row total, not in the histograms.</summary>
    public long SkippedRows => Interlocked.Read(ref _skipped);

    /// <summary>Counts one scored row (<paramref name="shard"/> is the session's own, as for <see cref="DriftRecorder.Record"/>).</summary>
    public void Record(ref DriftShard? shard, RowTarget row, PredictionValues output)
    {
        if (Volatile.Read(ref _recorder) is { } recorder)
        {
            recorder.Record(ref shard, row, output);
        }
        else if (!_closed)
        {
            RecordPending(ref shard, row, output);
        }
    }

    /// <summary>
    /// Called once, when the build ends: counts the buffered rows into <paramref name="recorder"/>, then lets rows go
    /// straight to it; with null, drops the buffer and stops counting.
    /// </summary>
    public void Complete(DriftRecorder? recorder)
    {
        lock (_lock)
        {
            if (recorder is not null)
            {
                // Under the lock: a row that found no recorder waits here and then goes straight to it, so none is lost or counted twice.
                recorder.Replay(_buffer!, _skipped);
                Volatile.Write(ref _recorder, recorder);
            }
            else
            {
                _closed = true;
            }

            _buffer = null;
        }

        _ready.TrySetResult(recorder);
    }

    private void RecordPending(ref DriftShard? shard, RowTarget row, PredictionValues output)
    {
        lock (_lock)
        {
            if (_recorder is null)
            {
                if (_buffer is null)
                {
                    return; // closed meanwhile
                }

                if (_buffer.Count < MaxBufferedRows)
                {
                    _buffer.Add((DriftRowCopy.Of(row), new PredictionValues(0) { Label = output.Label, Value = output.Value }));
                }
                else
                {
                    Interlocked.Increment(ref _skipped);
                }

                return;
            }
        }

        _recorder.Record(ref shard, row, output);
    }
}
