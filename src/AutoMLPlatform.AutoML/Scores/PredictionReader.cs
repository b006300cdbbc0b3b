using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Scores;

/// <summary>
/// Reads a scored view's standard output into a prediction array (see <see cref="MetricsCalculator"/>): the
/// calibrated <c>Probability</c> for binary, the <c>Score</c> vector for multiclass, <c>Score</c> for regression.
/// </summary>
internal static class PredictionReader
{
    /// <summary>Width of one row's prediction: the class count for multiclass, else 1.</summary>
    public static int Width(TaskKind task, int classes) => task == TaskKind.Multiclass ? classes : 1;

    /// <summary>Writes the prediction of the scored view's i-th row at <paramref name="positions"/>[i] × width in <paramref name="destination"/>.</summary>
    public static void Read(IDataView scored, TaskKind task, int classes, float[] destination, IReadOnlyList<int> positions)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(positions);
        var name = task == TaskKind.Binary ? ReservedColumns.Probability : ReservedColumns.Score;
        var column = scored.Schema.GetColumnOrNull(name)
            ?? throw new InvalidOperationException($"The model writes no '{name}' column; a {TaskKindNames.NameOf(task)} model must.");
        using var cursor = scored.GetRowCursor([column]);
        var row = 0;
        if (task == TaskKind.Multiclass)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> scores = default;
            while (cursor.MoveNext())
            {
                getter(ref scores);
                var target = destination.AsSpan(positions[row++] * classes, classes);
                target.Clear();
                var dense = scores.DenseValues().GetEnumerator();
                for (var c = 0; c < classes && dense.MoveNext(); c++)
                {
                    target[c] = dense.Current;
                }
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                destination[positions[row++]] = value;
            }
        }

        if (row != positions.Count)
        {
            throw new InvalidOperationException($"The model scored {row} rows, not {positions.Count}.");
        }
    }
}
