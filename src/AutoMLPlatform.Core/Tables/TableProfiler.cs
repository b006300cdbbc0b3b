using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Reads a delimited file once, checks that it is a well-formed table (a header of unique, non-empty names,
/// at least one data row, every row as wide as the header) and infers each column's type and counts.
/// </summary>
public static class TableProfiler
{
    public static Task<TableProfile> ProfileAsync(Stream content, char delimiter, CancellationToken cancellationToken) =>
        ProfileAsync(content, delimiter, [], CsvLimits.Default, cancellationToken);

    /// <summary>
    /// Profiles the table and flags columns whose values <paramref name="detectors"/> recognise as personal data.
    /// <paramref name="limits"/> bound every record; its <see cref="CsvLimits.MaxFields"/> is the most columns a table may have.
    /// </summary>
    public static async Task<TableProfile> ProfileAsync(Stream content, char delimiter, IReadOnlyList<ISensitiveValueDetector> detectors, CsvLimits limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var reader = new CsvReader(content, delimiter, leaveOpen: true, limits);
        var header = await TableHeader.ReadAsync(reader, limits, cancellationToken).ConfigureAwait(false);
        var columns = header.Select(name => new ColumnAccumulator(name, detectors)).ToArray();

        var fields = new List<string>(columns.Length);
        long rows = 0;
        while (await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            TableHeader.CheckWidth(fields, columns.Length, reader.RecordLine);
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Add(fields[i]);
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new CsvFormatException(CsvErrorCodes.HeaderOnly, "The file has a header but no data rows", 0);
        }

        return new TableProfile(new DatasetSchema(columns.Select(c => c.ToProfile()).ToArray()), rows);
    }
}
