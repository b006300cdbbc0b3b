using System.Globalization;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>A small histogram per column of a dataset version, read from its first <see cref="RowsRead"/> rows.</summary>
/// <param name="RowsRead">How many data rows were read (the whole file when it is shorter than the cap).</param>
/// <param name="Columns">One histogram per column that has one; sensitive columns have none.</param>
public sealed record DatasetHistogramsResponse(long RowsRead, IReadOnlyList<ColumnHistogram> Columns);

/// <summary>
/// Numeric columns: equal-width bins between the column's min and max (<see cref="Labels"/> are the bins' lower edges).
/// Others: the most frequent values and their counts, most frequent first.
/// </summary>
public sealed record ColumnHistogram(string Name, IReadOnlyList<string> Labels, IReadOnlyList<long> Counts);

/// <summary>
/// Counts values for the console's per-column histograms. Sensitive columns are skipped: their values must not leave,
/// even as counts of distinct values.
/// </summary>
internal static class DatasetHistograms
{
    public const int NumericBins = 12;
    public const int TopValues = 10;
    public const int MaxRows = 200_000;

    public static async Task<DatasetHistogramsResponse> ReadAsync(IBlobStore blobs, DatasetVersion version, CancellationToken cancellationToken)
    {
        DatasetFormats.EnsureDelimited(version.Format);
        var columns = version.Schema.Columns;
        var bins = columns.Select(c => c.Sensitive is null && c.Numeric is not null ? new long[NumericBins] : null).ToArray();
        var values = columns.Select(c => c.Sensitive is null && c.Numeric is null ? new Dictionary<string, long>(StringComparer.Ordinal) : null).ToArray();
        long rows = 0;
        await using var content = await blobs.OpenReadAsync(version.TenantId, BlobKind.Dataset, version.Sha256, cancellationToken).ConfigureAwait(false);
        using var reader = new CsvReader(content, DatasetFormats.DelimiterOf(version.Format));
        var fields = new List<string>();
        await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false); // the header
        while (rows < MaxRows && await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            for (var i = 0; i < columns.Count && i < fields.Count; i++)
            {
                var field = fields[i];
                if (Missing.Is(field))
                {
                    continue;
                }

                if (bins[i] is { } counts && NumericParser.TryParse(field, out var number))
                {
                    counts[BinOf(columns[i].Numeric!, number)]++;
                }
                else if (values[i] is { } seen && (seen.ContainsKey(field) || seen.Count < 10_000))
                {
                    // Distinct values are capped so a free-text column cannot hold the whole file in memory.
                    seen[field] = seen.GetValueOrDefault(field) + 1;
                }
            }
        }

        var result = new List<ColumnHistogram>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            if (bins[i] is { } counts)
            {
                var numeric = columns[i].Numeric!;
                var width = (numeric.Max - numeric.Min) / NumericBins;
                result.Add(new ColumnHistogram(columns[i].Name,
                    Enumerable.Range(0, NumericBins).Select(b => (numeric.Min + b * width).ToString("G4", CultureInfo.InvariantCulture)).ToArray(), counts));
            }
            else if (values[i] is { } seen)
            {
                var top = seen.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopValues).ToArray();
                result.Add(new ColumnHistogram(columns[i].Name, top.Select(kv => kv.Key).ToArray(), top.Select(kv => kv.Value).ToArray()));
            }
        }

        return new DatasetHistogramsResponse(rows, result);
    }

    private static int BinOf(NumericSummary numeric, double value)
    {
        var span = numeric.Max - numeric.Min;
        if (span <= 0 || double.IsNaN(value))
        {
            return 0;
        }

        // Min..Max is inclusive: the maximum falls in the last bin, and values of a later version's rows are clamped.
        return Math.Clamp((int)((value - numeric.Min) / span * NumericBins), 0, NumericBins - 1);
    }
}
