using System.Text;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Appends uploaded rows to a dataset as a new, immutable version: the newest version's bytes unchanged, then the
/// new rows (reordered to the dataset's column order, written in its delimiter), stored once by hash like any upload
/// and profiled again as a whole. The uploaded file is checked first (a well-formed table with exactly the dataset's
/// columns), so a bad file stores nothing.
/// </summary>
internal sealed class DatasetAppender(IBlobStore blobs, IDatasetStore datasets, IOptions<UploadOptions> options)
{
    public async Task<DatasetVersion> AppendAsync(TenantId tenant, Dataset dataset, StagedBlob rows, DatasetFormat rowsFormat, CancellationToken cancellationToken)
    {
        var newest = dataset.Latest;
        DatasetFormats.EnsureDelimited(newest.Format);
        var columns = newest.Schema.Columns.Select(c => c.Name).ToArray();
        await using (var content = await rows.OpenReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var header = (await TableProfiler.ProfileAsync(content, DatasetFormats.DelimiterOf(rowsFormat), cancellationToken).ConfigureAwait(false))
                .Schema.Columns.Select(c => c.Name).ToArray();
            var missing = columns.Except(header, StringComparer.Ordinal).ToArray();
            var extra = header.Except(columns, StringComparer.Ordinal).ToArray();
            if (missing.Length > 0 || extra.Length > 0)
            {
                throw new SchemaMismatchException(missing, extra);
            }
        }

        var temp = Path.Combine(Path.GetTempPath(), $"automlplatform-append-{Guid.NewGuid():N}");
        await using var combined = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await CopyNewestAsync(tenant, newest, combined, cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(rows, rowsFormat, columns, DatasetFormats.DelimiterOf(newest.Format), combined, cancellationToken).ConfigureAwait(false);
        combined.Position = 0;

        await using var staged = await blobs.StageAsync(combined, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        TableProfile profile;
        await using (var content = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false))
        {
            profile = await TableProfiler.ProfileAsync(content, DatasetFormats.DelimiterOf(newest.Format), cancellationToken).ConfigureAwait(false);
        }

        await blobs.CommitAsync(staged, tenant, BlobKind.Dataset, cancellationToken).ConfigureAwait(false);

        // Two appends at once must not both build on version N (the second would drop the first's rows): the second loses.
        return await datasets.TryAddVersionAfterAsync(tenant, dataset.Id, newest.Version,
                new NewDatasetVersion(staged.Sha256, staged.SizeBytes, profile.RowCount, newest.Format, profile.Schema), cancellationToken).ConfigureAwait(false)
            ?? throw new ConflictException("dataset-changed",
                $"Dataset '{dataset.Name}' got a new version while these rows were being appended to version {newest.Version}; nothing was added. Send them again.");
    }

    /// <summary>The newest version's bytes as stored, ending in a line break so the first new row starts a line.</summary>
    private async Task CopyNewestAsync(TenantId tenant, DatasetVersion newest, Stream destination, CancellationToken cancellationToken)
    {
        await using (var source = await blobs.OpenReadAsync(tenant, BlobKind.Dataset, newest.Sha256, cancellationToken).ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        destination.Position = destination.Length - 1;
        var last = destination.ReadByte();
        if (last is not ('\n' or '\r'))
        {
            destination.WriteByte((byte)'\n');
        }
    }

    private static async Task WriteRowsAsync(StagedBlob rows, DatasetFormat rowsFormat, string[] columns, char delimiter, Stream destination,
        CancellationToken cancellationToken)
    {
        await using var content = await rows.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new CsvReader(content, DatasetFormats.DelimiterOf(rowsFormat), leaveOpen: true);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 81920, leaveOpen: true);
        var fields = new List<string>();
        await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false);
        var order = columns.Select(c => fields.FindIndex(f => string.Equals(f.Trim(), c, StringComparison.Ordinal))).ToArray();
        var reordered = new string[columns.Length];
        while (await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < order.Length; i++)
            {
                reordered[i] = fields[order[i]];
            }

            await CsvWriter.WriteRecordAsync(writer, reordered, delimiter, cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
