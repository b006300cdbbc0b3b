using AutoMLPlatform.Core.Drift;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>A copy of one version's drift counters in <see cref="DriftLayout"/> order: a sum over sessions, the store, or both.</summary>
public sealed class DriftCounts
{
    private readonly long[] _values;

    public DriftCounts(DriftLayout layout, long[] values)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, layout.Length, nameof(values));
        Layout = layout;
        _values = values;
    }

    public DriftLayout Layout { get; }

    /// <summary>A version's stored totals in <paramref name="layout"/>'s order; counters the layout does not know (another reference's) are ignored.</summary>
    public static DriftCounts FromStored(DriftLayout layout, IReadOnlyList<DriftCount> stored)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(stored);
        var values = new long[layout.Length];
        foreach (var count in stored)
        {
            if (layout.SlotOf(count.Column, count.Bin) is var slot and >= 0)
            {
                values[slot] += count.Count;
            }
        }

        return new DriftCounts(layout, values);
    }

    public long Rows => _values[DriftLayout.RowsSlot];

    public long this[int slot] => _values[slot];

    /// <summary>Input <paramref name="column"/>'s counts: per bin, missing, unseen.</summary>
    public (long[] Bins, long Missing, long Unseen) Column(int column) =>
        (_values.AsSpan(Layout.BinOffset(column), Layout.BinCount(column)).ToArray(), _values[Layout.MissingSlot(column)], _values[Layout.UnseenSlot(column)]);

    public long[] Predictions() => _values.AsSpan(Layout.PredictionOffset, Layout.PredictionBins).ToArray();

    /// <summary>These counts plus <paramref name="other"/>'s, slot by slot.</summary>
    public DriftCounts Plus(DriftCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = new long[_values.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = _values[i] + other._values[i];
        }

        return new DriftCounts(Layout, sum);
    }
}
