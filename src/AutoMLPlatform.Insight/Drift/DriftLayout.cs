namespace AutoMLPlatform.Insight.Drift;

/// <summary>
/// Where each of a version's drift counters sits in one flat array of longs: slot 0 counts rows; each input column
/// with a reference has its bins, then a missing and an unseen slot (a column without one has only the missing slot,
/// and the others point at a slot nothing reads); the prediction bins come last. The same layout numbers the stored
/// rows, as (column, bin) with <see cref="PredictionColumn"/>, <see cref="RowsColumn"/>, <see cref="MissingBin"/> and
/// <see cref="UnseenBin"/>, so a store row never depends on the order of slots in memory.
/// </summary>
public sealed class DriftLayout
{
    /// <summary>The stored column number of the predictions.</summary>
    public const int PredictionColumn = -1;

    /// <summary>The stored column number of the row count (bin 0).</summary>
    public const int RowsColumn = -2;

    /// <summary>The stored bin number of a column's missing values.</summary>
    public const int MissingBin = -1;

    /// <summary>The stored bin number of a column's unseen categories.</summary>
    public const int UnseenBin = -2;

    public const int RowsSlot = 0;

    private readonly int[] _offsets;
    private readonly int[] _binCounts;

    public DriftLayout(DriftReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var inputs = reference.Inputs.Count;
        _offsets = new int[inputs];
        _binCounts = new int[inputs];
        var next = RowsSlot + 1;
        for (var c = 0; c < inputs; c++)
        {
            _offsets[c] = next;
            _binCounts[c] = reference.Inputs[c]?.Count ?? 0;
            next += _binCounts[c] + 2;
        }

        PredictionOffset = next;
        PredictionBins = reference.Predictions?.Count ?? 0;
        Length = next + PredictionBins;
    }

    /// <summary>How many counters a version has.</summary>
    public int Length { get; }

    public int InputCount => _offsets.Length;

    public int PredictionOffset { get; }

    public int PredictionBins { get; }

    /// <summary>The slot of bin 0 of input <paramref name="column"/>.</summary>
    public int BinOffset(int column) => _offsets[column];

    public int BinCount(int column) => _binCounts[column];

    public int MissingSlot(int column) => _offsets[column] + _binCounts[column];

    public int UnseenSlot(int column) => _offsets[column] + _binCounts[column] + 1;

    /// <summary>The stored (column, bin) of a slot.</summary>
    public (int Column, int Bin) KeyOf(int slot)
    {
        if (slot == RowsSlot)
        {
            return (RowsColumn, 0);
        }

        if (slot >= PredictionOffset)
        {
            return (PredictionColumn, slot - PredictionOffset);
        }

        var column = Array.FindLastIndex(_offsets, offset => offset <= slot);
        var bin = slot - _offsets[column];
        return (column, bin == _binCounts[column] ? MissingBin : bin == _binCounts[column] + 1 ? UnseenBin : bin);
    }

    /// <summary>The slot of a stored (column, bin); -1 when the layout has no such counter (a row written under another reference).</summary>
    public int SlotOf(int column, int bin) => column switch
    {
        RowsColumn => bin == 0 ? RowsSlot : -1,
        PredictionColumn => bin >= 0 && bin < PredictionBins ? PredictionOffset + bin : -1,
        _ when column < 0 || column >= _offsets.Length => -1,
        _ => bin switch
        {
            MissingBin => MissingSlot(column),
            UnseenBin => UnseenSlot(column),
            _ => bin >= 0 && bin < _binCounts[column] ? _offsets[column] + bin : -1,
        },
    };
}
