using System.Buffers;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Writes records as RFC 4180 delimited text that <see cref="CsvReader"/> reads back to the same fields: a field is
/// quoted (inner quotes doubled) when it holds the delimiter, a quote, a line break, or leading or trailing blanks.
/// </summary>
public static class CsvWriter
{
    private static readonly SearchValues<char> LineBreaksAndQuote = SearchValues.Create("\"\r\n");

    public static async Task WriteRecordAsync(TextWriter writer, IReadOnlyList<string> fields, char delimiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(delimiter).ConfigureAwait(false);
            }

            await writer.WriteAsync(Encode(fields[i], delimiter).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The field as it must be written: unchanged when that reads back the same, otherwise quoted.</summary>
    public static string Encode(string field, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(field);
        var needsQuotes = field.AsSpan().IndexOfAny(LineBreaksAndQuote) >= 0 || field.Contains(delimiter, StringComparison.Ordinal) ||
            (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        return needsQuotes ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
