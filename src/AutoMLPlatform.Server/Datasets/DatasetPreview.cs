using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Security.Masking;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>The first rows of a dataset version, with every sensitive column's values masked (<c>j***@e***.com</c>).</summary>
public sealed record DatasetPreviewResponse(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Reads the first rows of a stored table for display; sensitive values never leave unmasked.</summary>
internal static class DatasetPreview
{
    public const int MaxRows = 200;

    public static async Task<DatasetPreviewResponse> ReadAsync(IBlobStore blobs, DatasetVersion version, int rows, CancellationToken cancellationToken)
    {
        if (rows is < 1 or > MaxRows)
        {
            throw new InvalidInputException("invalid-rows", $"A preview has 1 to {MaxRows} rows.", "rows");
        }

        DatasetFormats.EnsureDelimited(version.Format);
        var masked = version.Schema.Columns.Select(c => c.Sensitive is not null).ToArray();
        var result = new List<IReadOnlyList<string?>>(rows);
        await using var content = await blobs.OpenReadAsync(version.TenantId, BlobKind.Dataset, version.Sha256, cancellationToken).ConfigureAwait(false);
        using var reader = new CsvReader(content, DatasetFormats.DelimiterOf(version.Format));
        var fields = new List<string>();
        await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false); // the header: the schema has the names
        while (result.Count < rows && await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            result.Add(fields.Select((value, i) => Missing.Is(value) ? null : masked[i] ? ValueMasker.Mask(value) : value).ToArray());
        }

        return new DatasetPreviewResponse(version.Schema.Columns.Select(c => c.Name).ToArray(), result);
    }
}
