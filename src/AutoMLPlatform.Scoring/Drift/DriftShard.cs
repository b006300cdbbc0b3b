using AutoMLPlatform.Insight.Drift;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// One pooled session's share of a version's drift counters. Only the session holding it writes, one row at a time,
/// so a count is a plain increment (no interlock, no shared cache line); the recorder sums every shard when counts are
/// read. A long is read and written whole on the 64-bit platforms we run on, so a reader on another thread sees each
/// counter either before or after an increment, never torn, and never going down.
/// <para>
/// The row count is exact. The values (bins, missing, unseen, predictions) are counted only for the rows the shard's
/// <see cref="DriftSampler"/> picks, each with its weight, so above the sampler's target rate they are estimates.
/// </para>
/// </summary>
internal sealed class DriftShard
{
    private readonly DriftRecorder _owner;
    private readonly DriftPlan _plan;
    private readonly DriftSampler _sampler;
    private readonly long[] _counts;
    private readonly string?[] _lastTexts;
    private readonly int[] _lastBins;
    private string? _lastLabel;
    private int _lastLabelSlot;

    public DriftShard(DriftRecorder owner, DriftPlan plan, DriftSampler sampler)
    {
        _owner = owner;
        _plan = plan;
        _sampler = sampler;
        _counts = new long[plan.Layout.Length];
        _lastTexts = new string?[plan.ColumnCount];
        _lastBins = new int[plan.ColumnCount];
    }

    public DriftRecorder Owner => _owner;

    /// <summary>Rows per counted row at the moment (1: every row's values are counted).</summary>
    public int Stride => _sampler.Stride;

    /// <summary>Counts one scored row and, when the sampler picks it, its input values as bound and its prediction.</summary>
    public void Record(RowTarget row, PredictionValues output)
    {
        var counts = _counts;
        counts[DriftLayout.RowsSlot]++;
        if (_sampler.Skips())
        {
            return;
        }

        // A picked row stands for as many rows as its weight, so its values count that much. The inputs are read where
        // the readers bound them (the row target's arrays, a plain read each), not copied.
        var weight = _sampler.Take();
        foreach (ref readonly var column in _plan.Numbers.AsSpan())
        {
            var number = row.GetNumber(column.Index);
            if (float.IsNaN(number))
            {
                counts[column.Missing] += weight;
            }
            else if (column.Bins is { } bins)
            {
                counts[column.Offset + bins.BinOf(number)] += weight;
            }
        }

        foreach (ref readonly var column in _plan.Texts.AsSpan())
        {
            var text = row.GetText(column.Index);
            if (text.Length == 0)
            {
                counts[column.Missing] += weight;
            }
            else if (column.Bins is { } bins)
            {
                counts[column.Offset + TextBin(column, bins, text, weight)] += weight;
            }
        }

        RecordPrediction(counts, output, weight);
    }

    /// <summary>Counts <paramref name="rows"/> rows without their values (rows scored before the reference, beyond the buffer).</summary>
    public void CountRows(long rows) => _counts[DriftLayout.RowsSlot] += rows;

    /// <summary>The bin of a present text value, counting it (by <paramref name="weight"/>) as unseen too when training never had it.</summary>
    private int TextBin(in DriftPlan.ColumnPlan column, DriftBins bins, string text, int weight)
    {
        // Neighbouring rows often share a category: comparing with the last value is cheaper than hashing it.
        var c = column.Index;
        if (!string.Equals(text, _lastTexts[c], StringComparison.Ordinal))
        {
            var bin = bins.BinOf(text, out var unseen);
            _lastBins[c] = unseen ? ~bin : bin;
            _lastTexts[c] = text;
        }

        var last = _lastBins[c];
        if (last >= 0)
        {
            return last;
        }

        _counts[column.Unseen] += weight;
        return ~last;
    }

    /// <summary>Adds this shard's counters to <paramref name="sum"/>; safe while the holder records.</summary>
    public void AddTo(long[] sum)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += Volatile.Read(ref _counts[i]);
        }
    }

    /// <summary>Hands the shard back to its recorder for the next session; its counts stay in the sums.</summary>
    public void Release() => _owner.Return(this);

    private void RecordPrediction(long[] counts, PredictionValues output, int weight)
    {
        var predictions = _plan.Predictions;
        if (predictions is null)
        {
            return;
        }

        if (_plan.ClassSlot is { } classSlot)
        {
            // Models hand out the same label strings every time, so the last one is almost always this one.
            var label = output.Label;
            if (!ReferenceEquals(label, _lastLabel))
            {
                _lastLabelSlot = label is not null && classSlot.TryGetValue(label, out var slot) ? slot : _plan.Layout.Length - 1;
                _lastLabel = label;
            }

            counts[_lastLabelSlot] += weight;
        }
        else if (!float.IsNaN(output.Value))
        {
            counts[_plan.Layout.PredictionOffset + predictions.BinOf(output.Value)] += weight;
        }
    }
}
