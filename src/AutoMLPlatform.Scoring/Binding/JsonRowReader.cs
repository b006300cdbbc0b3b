using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// Reads one JSON object of column values straight from a <see cref="Utf8JsonReader"/> into a <see cref="RowTarget"/>:
/// no document, no per-field strings for numbers. Fields bind by column name, the exact name first, otherwise ignoring
/// case where one column matches (<see cref="Core.Tables.ColumnNameLookup"/>); a field matching several columns only
/// ignoring case is an error naming them. A field that matches a column only ignoring case gives way to one with its
/// exact name (it is another column of the caller's table, which the model does not read); two fields for one column
/// by the same rule are an error. Unknown fields are skipped. Null, an empty or blank string is a missing value.
/// Numbers may come as JSON numbers or numeric strings; text columns accept strings, numbers and booleans. A left-out
/// field follows <see cref="RowTarget.SetAbsent"/>.
/// </summary>
internal static class JsonRowReader
{
    private const int MaxStackColumns = 512;
    private const int MaxStackNumber = 128;

    /// <summary>Reads the object the reader is on (its <see cref="JsonTokenType.StartObject"/>) up to its end.</summary>
    public static void Read(ref Utf8JsonReader reader, RowTarget target, RowLocation where)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw InputErrors.NotAnObject(where);
        }

        var columns = target.Columns;

        // How each column was bound so far: none, by a field matching it ignoring case, or by its exact name.
        Span<ColumnMatchKind> bound = columns.Count <= MaxStackColumns ? stackalloc ColumnMatchKind[columns.Count] : new ColumnMatchKind[columns.Count];
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = columns.Find(ref reader, expected);
            if (match.Kind == ColumnMatchKind.Ambiguous)
            {
                var field = reader.GetString()!;
                throw InputErrors.AmbiguousField(where, field, columns.MatchesIgnoringCase(field));
            }

            if (match.Found && bound[match.Index] != ColumnMatchKind.None)
            {
                if (bound[match.Index] == match.Kind)
                {
                    throw InputErrors.DuplicateField(where, columns.Columns[match.Index].Name, reader.GetString()!);
                }

                if (match.Kind == ColumnMatchKind.IgnoringCase)
                {
                    match = ColumnMatch.None; // a field with the exact name bound this column already
                }
            }

            reader.Read();
            if (!match.Found)
            {
                reader.Skip();
                continue;
            }

            Set(ref reader, target, match.Index, where);
            bound[match.Index] = match.Kind;
            expected = match.Index + 1;
        }

        for (var i = 0; i < bound.Length; i++)
        {
            if (bound[i] == ColumnMatchKind.None)
            {
                target.SetAbsent(i, where);
            }
        }
    }

    private static void Set(ref Utf8JsonReader reader, RowTarget target, int column, RowLocation where)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            target.SetMissing(column);
        }
        else if (target.Columns.IsNumeric(column))
        {
            target.SetNumber(column, ReadNumber(ref reader, target, column, where));
        }
        else
        {
            var type = target.Columns.Columns[column].Type;
            target.SetText(column, CellText.Normalize(ReadText(ref reader, target, column, where), type));
        }
    }

    private static float ReadNumber(ref Utf8JsonReader reader, RowTarget target, int column, RowLocation where)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                return (float)number;
            case JsonTokenType.String:
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length <= MaxStackNumber)
                {
                    Span<byte> utf8 = stackalloc byte[MaxStackNumber];
                    var text = utf8[..reader.CopyString(utf8)];
                    if (IsBlank(text))
                    {
                        return float.NaN;
                    }

                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                    {
                        return (float)parsed;
                    }
                }

                break;
        }

        throw InputErrors.WrongType(where, target.Columns.Columns[column].Name, "a number");
    }

    private static string ReadText(ref Utf8JsonReader reader, RowTarget target, int column, RowLocation where) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw InputErrors.WrongType(where, target.Columns.Columns[column].Name, "a string"),
    };

    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
