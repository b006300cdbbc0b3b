using System.Buffers;
using System.Globalization;
using System.Text;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Batch;

/// <summary>
/// Writes the batch answer as RFC 4180 CSV (UTF-8, <c>\n</c> line ends, fields quoted only when they must be): the kept
/// input fields, then the prediction columns of the model's shape — <c>predictedLabel</c> and one
/// <c>probability_&lt;class&gt;</c> per class, <c>predictedLabel</c> and <c>score</c>, or <c>predictedValue</c>.
/// </summary>
internal sealed class CsvOutput(IBufferWriter<byte> buffer, char delimiter)
{
    private readonly byte _delimiter = (byte)delimiter;

    /// <summary>
    /// The prediction column names for <paramref name="shape"/>, after the <paramref name="kept"/> input columns: one
    /// that an input column (or a class) already names takes pandas' suffix (<see cref="HeaderNames.Deduplicate"/>), so
    /// an input column called <c>predictedLabel</c> and the prediction stay two columns a reader can tell apart.
    /// </summary>
    public static IReadOnlyList<string> PredictionColumns(OutputShape shape, IReadOnlyList<string> kept, bool withPredictionId = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(kept);
        string[] names = shape.Kind switch
        {
            OutputKind.ClassProbabilities => ["predictedLabel", .. shape.Classes.Select(c => $"probability_{c}")],
            OutputKind.ClassScore => ["predictedLabel", "score"],
            _ => ["predictedValue"],
        };
        names = withPredictionId ? [.. names, "predictionId"] : names;
        return HeaderNames.Deduplicate([.. kept, .. names])[kept.Count..];
    }

    public void WriteRow(IReadOnlyList<string> kept, IReadOnlyList<string> predictionColumns)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(predictionColumns);
        var first = true;
        foreach (var field in kept.Concat(predictionColumns))
        {
            Separator(ref first);
            WriteText(field);
        }

        WriteByte((byte)'\n');
    }

    /// <summary>Writes the kept fields of one record (by index) followed by its prediction; end the line with <see cref="EndRow"/>.</summary>
    public void WriteRow(List<string> fields, int[] keep, OutputShape shape, PredictionValues values)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var index in keep)
        {
            Separator(ref first);
            WriteText(fields[index]);
        }

        if (shape.Kind != OutputKind.Value)
        {
            Separator(ref first);
            WriteText(values.Label ?? string.Empty);
        }

        if (shape.Kind == OutputKind.ClassProbabilities)
        {
            foreach (var probability in values.Probabilities)
            {
                Separator(ref first);
                WriteNumber(probability);
            }
        }
        else
        {
            Separator(ref first);
            WriteNumber(values.Value);
        }
    }

    public void EndRow() => WriteByte((byte)'\n');

    /// <summary>Adds the row's prediction id (empty when it was not logged) and ends the line.</summary>
    public void EndRowWithId(Core.Feedback.PredictionId? id)
    {
        WriteByte(_delimiter);
        if (id is { } logged)
        {
            var span = buffer.GetSpan(36);
            logged.Value.TryFormat(span, out var written, "D");
            buffer.Advance(written);
        }

        WriteByte((byte)'\n');
    }

    private void Separator(ref bool first)
    {
        if (!first)
        {
            WriteByte(_delimiter);
        }

        first = false;
    }

    private void WriteNumber(float value)
    {
        var span = buffer.GetSpan(32);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    private void WriteText(string text)
    {
        if (!NeedsQuotes(text))
        {
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            buffer.Advance(Encoding.UTF8.GetBytes(text, span));
            return;
        }

        var quoted = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var target = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(quoted.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(quoted, target));
    }

    private bool NeedsQuotes(string text)
    {
        foreach (var c in text)
        {
            if (c == _delimiter || c is '"' or '\r' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    private void WriteByte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }
}
