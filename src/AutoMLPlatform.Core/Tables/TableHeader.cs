namespace AutoMLPlatform.Core.Tables;

/// <summary>The rules every table's header and rows follow, shared by profiling and loading.</summary>
internal static class TableHeader
{
    /// <summary>Reads the header row and returns its column names (<see cref="HeaderNames"/>).</summary>
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

        return HeaderNames.Normalize(header);
    }

    public static void CheckWidth(List<string> fields, int width, long line)
    {
        if (fields.Count != width)
        {
            throw new CsvFormatException(CsvErrorCodes.RaggedRow, $"The row has {fields.Count} fields but the header has {width}", line);
        }
    }
}
