namespace AutoMLPlatform.Core.Tables;

/// <summary>The rules every table's header and rows follow, shared by profiling and loading.</summary>
internal static class TableHeader
{
    public static async Task<IReadOnlyList<string>> ReadAsync(CsvReader reader, CsvLimits limits, CancellationToken cancellationToken)
    {
        var header = new List<string>();
        try
        {
            if (!await reader.ReadRecordAsync(header, cancellationToken).ConfigureAwait(false))
            {
                throw new CsvFormatException(CsvErrorCodes.Empty, "The file is empty", 0);
            }
        }
        catch (CsvFormatException ex) when (ex.ErrorCode == CsvErrorCodes.TooManyFields)
        {
            // The header's width is the dataset's column count: say so, with the limit, rather than "a record".
            throw new CsvFormatException(CsvErrorCodes.TooManyColumns, $"The header has more than {limits.MaxFields} columns, the most a table may have", ex.Line, ex);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            header[i] = header[i].Trim();
            if (header[i].Length == 0)
            {
                throw new CsvFormatException(CsvErrorCodes.BadHeader, $"Column {i + 1} of the header has no name", reader.RecordLine);
            }

            // Names are compared without case: prediction requests bind JSON fields to columns by name.
            if (!seen.Add(header[i]))
            {
                throw new CsvFormatException(CsvErrorCodes.BadHeader, $"The header names column '{header[i]}' twice", reader.RecordLine);
            }
        }

        return header;
    }

    public static void CheckWidth(List<string> fields, int width, long line)
    {
        if (fields.Count != width)
        {
            throw new CsvFormatException(CsvErrorCodes.RaggedRow, $"The row has {fields.Count} fields but the header has {width}", line);
        }
    }
}
