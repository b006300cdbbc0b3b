using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Insight.Drift;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// The live side of one model version's drift: one <see cref="DriftShard"/> of counters per pooled session that has
/// scored (a session keeps its shard and counts with plain increments), summed when a report is read. Memory is fixed
/// by the reference times the most sessions that ever scored at once; no row and no value is kept. A shard whose
/// session is dropped goes back to a free list for the next session, so its counts are never lost. A sum taken while
/// rows are scored may be a few rows behind on some counters, never torn and never negative. Each shard samples the
/// rows whose values it counts (<see cref="DriftSampler"/>), so the row count is exact and the rest are estimates at
/// high rates.
/// <para>
/// Persistence: the recorder keeps the part of the local sum already added to the store, and the store's totals
/// as last read (every host's flushes). The version's counts are the stored totals plus the local
/// sum not yet flushed; <see cref="Gate"/> keeps a flush and a read of the store from interleaving.
/// </para>
/// </summary>
internal sealed class DriftRecorder
{
    private readonly Lock _lock = new();
    private readonly List<DriftShard> _shards = [];
    private readonly Stack<DriftShard> _free = new();
    private readonly TimeProvider _time;
    private readonly int _sampledRowsPerSecond;
    private long[] _flushed;
    private DriftCounts _stored;

    /// <param name="reference">The version's training profile.</param>
    /// <param name="inputs">The version's input columns.</param>
    /// <param name="time">The clock each shard's sampler measures its row rate with.</param>
    /// <param name="sampledRowsPerSecond">Per shard, the most rows per second whose values are counted; 0 counts every row (<see cref="DriftOptions.SampledRowsPerSecond"/>).</param>
    public DriftRecorder(DriftReference reference, IReadOnlyList<ModelInputColumn> inputs, TimeProvider time, int sampledRowsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(sampledRowsPerSecond);
        _time = time;
        _sampledRowsPerSecond = sampledRowsPerSecond;
        Reference = reference;
        Inputs = inputs;
        Plan = new DriftPlan(reference, inputs);
        _flushed = new long[Layout.Length];
        _stored = new DriftCounts(Layout, new long[Layout.Length]);
    }

    public DriftReference Reference { get; }

    /// <summary>The version's input columns, in the order of the counters.</summary>
    public IReadOnlyList<ModelInputColumn> Inputs { get; }

    public DriftPlan Plan { get; }

    public DriftLayout Layout => Plan.Layout;

    /// <summary>Serialises flushing this version and reading its stored totals.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The stored totals plus what this process counted and has not flushed yet.</summary>
    public DriftCounts Current
    {
        get
        {
            lock (_lock)
            {
                var values = Sum();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] += _stored[i] - _flushed[i];
                }

                return new DriftCounts(Layout, values);
            }
        }
    }

    /// <summary>
    /// Counts one row into the session's shard, taking one for it on its first row (<paramref name="shard"/> is the
    /// session's own field: sessions are created before drift is attached, and are not ours to construct).
    /// </summary>
    public void Record(ref DriftShard? shard, RowTarget row, PredictionValues output)
    {
        if (shard is null || shard.Owner != this)
        {
            shard = Rent();
        }

        shard.Record(row, output);
    }

    /// <summary>
    /// Counts rows scored before this recorder existed (a <see cref="DriftSink"/>'s buffer), every value exactly, plus
    /// <paramref name="rowsOnly"/> rows whose values were not kept, into a shard of their own that no session takes.
    /// </summary>
    public void Replay(IReadOnlyList<(RowTarget Row, PredictionValues Output)> rows, long rowsOnly)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(rowsOnly);
        if (rows.Count == 0 && rowsOnly == 0)
        {
            return;
        }

        var shard = new DriftShard(this, Plan, new DriftSampler(_time, 0, 1));
        foreach (var (row, output) in rows)
        {
            shard.Record(row, output);
        }

        shard.CountRows(rowsOnly);
        lock (_lock)
        {
            _shards.Add(shard);
        }
    }

    /// <summary>What to add to the store: the local sum now, and its growth since the last flush as stored counters (none when nothing changed).</summary>
    public (long[] Sum, IReadOnlyList<DriftCount> Deltas) Pending()
    {
        lock (_lock)
        {
            var sum = Sum();
            var deltas = new List<DriftCount>();
            for (var i = 0; i < sum.Length; i++)
            {
                if (sum[i] != _flushed[i])
                {
                    var (column, bin) = Layout.KeyOf(i);
                    deltas.Add(new DriftCount(column, bin, sum[i] - _flushed[i]));
                }
            }

            return (sum, deltas);
        }
    }

    /// <summary>The store took the deltas up to <paramref name="sum"/>: they count as stored from now on.</summary>
    public void MarkFlushed(long[] sum)
    {
        lock (_lock)
        {
            var stored = new long[sum.Length];
            for (var i = 0; i < sum.Length; i++)
            {
                stored[i] = _stored[i] + sum[i] - _flushed[i];
            }

            _flushed = sum;
            _stored = new DriftCounts(Layout, stored);
        }
    }

    /// <summary>The store's totals as just read; counters the layout does not know (another reference's) are ignored.</summary>
    public void SetStored(IReadOnlyList<DriftCount> stored)
    {
        var counts = DriftCounts.FromStored(Layout, stored);
        lock (_lock)
        {
            _stored = counts;
        }
    }

    internal void Return(DriftShard shard)
    {
        lock (_lock)
        {
            _free.Push(shard);
        }
    }

    private long[] Sum()
    {
        var sum = new long[Layout.Length];
        foreach (var shard in _shards)
        {
            shard.AddTo(sum);
        }

        return sum;
    }

    private DriftShard Rent()
    {
        lock (_lock)
        {
            if (_free.TryPop(out var shard))
            {
                return shard;
            }

            // Each shard's gaps from a seed of its own (odd multiplier: never 0), the same in every run.
            shard = new DriftShard(this, Plan, new DriftSampler(_time, _sampledRowsPerSecond, (uint)(_shards.Count + 1) * 0x9E3779B9u));
            _shards.Add(shard);
            return shard;
        }
    }
}
