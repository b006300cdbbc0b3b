using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// The live side of one model version's drift: fixed arrays of counters, one per reference bin, plus missing and
/// unseen counts per column, bumped with <see cref="Interlocked"/> for every scored row. Memory is fixed by the
/// reference (at most a few hundred counters per column); no row and no value is kept. Counts are read without a
/// lock, so a snapshot taken while rows are scored may be a few rows behind on some columns, never torn within one.
/// </summary>
internal sealed class DriftRecorder
{
    private readonly DriftBins?[] _inputs;
    private readonly bool[] _numeric;
    private readonly long[][] _counts;
    private readonly long[] _missing;
    private readonly long[] _unseen;
    private readonly DriftBins? _predictions;
    private readonly long[] _predictionCounts;
    private readonly Dictionary<string, int>? _classIndex;
    private long _rows;

    public DriftRecorder(DriftReference reference, IReadOnlyList<ModelInputColumn> inputs)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(inputs);
        Reference = reference;
        Inputs = inputs;
        _inputs = [.. reference.Inputs];
        _numeric = inputs.Select(i => i.Type == ColumnType.Numeric).ToArray();
        _counts = _inputs.Select(bins => new long[bins?.Count ?? 0]).ToArray();
        _missing = new long[_inputs.Length];
        _unseen = new long[_inputs.Length];
        _predictions = reference.Predictions;
        _predictionCounts = new long[_predictions?.Count ?? 0];
        if (_predictions is { IsNumeric: false })
        {
            _classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _predictions.Count - 1; i++)
            {
                _classIndex[_predictions.Labels[i]] = i;
            }
        }
    }

    public DriftReference Reference { get; }

    /// <summary>The version's input columns, in the order of the counters.</summary>
    public IReadOnlyList<ModelInputColumn> Inputs { get; }

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Counts one scored row: its input values as bound, and its prediction.</summary>
    public void Record(RowTarget row, PredictionValues output)
    {
        Interlocked.Increment(ref _rows);
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (_numeric[i])
            {
                var number = row.GetNumber(i);
                if (float.IsNaN(number))
                {
                    Interlocked.Increment(ref _missing[i]);
                }
                else if (_inputs[i] is { } bins)
                {
                    Interlocked.Increment(ref _counts[i][bins.BinOf(number)]);
                }
            }
            else
            {
                var text = row.GetText(i);
                if (text.Length == 0)
                {
                    Interlocked.Increment(ref _missing[i]);
                }
                else if (_inputs[i] is { } bins)
                {
                    Interlocked.Increment(ref _counts[i][bins.BinOf(text, out var unseen)]);
                    if (unseen)
                    {
                        Interlocked.Increment(ref _unseen[i]);
                    }
                }
            }
        }

        RecordPrediction(output);
    }

    private void RecordPrediction(PredictionValues output)
    {
        if (_predictions is null)
        {
            return;
        }

        if (_classIndex is not null)
        {
            var bin = output.Label is { } label && _classIndex.TryGetValue(label, out var index) ? index : _predictionCounts.Length - 1;
            Interlocked.Increment(ref _predictionCounts[bin]);
        }
        else if (!float.IsNaN(output.Value))
        {
            Interlocked.Increment(ref _predictionCounts[_predictions.BinOf(output.Value)]);
        }
    }

    /// <summary>A copy of the counts of input <paramref name="column"/>: per bin, missing, unseen.</summary>
    public (long[] Bins, long Missing, long Unseen) Column(int column) =>
        (Copy(_counts[column]), Interlocked.Read(ref _missing[column]), Interlocked.Read(ref _unseen[column]));

    public long[] PredictionCounts() => Copy(_predictionCounts);

    private static long[] Copy(long[] counts)
    {
        var copy = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            copy[i] = Interlocked.Read(ref counts[i]);
        }

        return copy;
    }
}
