using System.IO.Pipelines;
using System.Text;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Quotas;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Appends uploaded rows to a dataset as a new, immutable version: the newest version's bytes unchanged, then the
/// new rows (reordered to the dataset's column order, written in its delimiter), stored once by hash like any upload
/// and profiled again as a whole. The uploaded file is checked first (a well-formed table with exactly the dataset's
/// columns), so a bad file stores nothing.
/// </summary>
internal sealed class DatasetAppender(IBlobStore blobs, IDatasetStore datasets, TableInspector inspector, TenantQuotas quotas,
    IOptions<UploadOptions> options)
{
    public async Task<DatasetVersion> AppendAsync(TenantId tenant, Dataset dataset, StagedBlob rows, DatasetFormat rowsFormat, CancellationToken cancellationToken)
    {
        var newest = dataset.Latest;
        DatasetFormats.EnsureDelimited(newest.Format);
        var columns = newest.Schema.Columns.Select(c => c.Name).ToArray();
        var header = (await inspector.ProfileShapeAsync(rows, rowsFormat, cancellationToken).ConfigureAwait(false)).Schema.Columns.Select(c => c.Name).ToArray();
        var missing = columns.Except(header, StringComparer.Ordinal).ToArray();
        var extra = header.Except(columns, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
        {
            throw new SchemaMismatchException(missing, extra);
        }

        // The combined file is produced into a pipe that staging reads (and encrypts) as it goes: no plaintext temp file.
        var pipe = new Pipe();
        var produce = ProduceCombinedAsync(tenant, newest, rows, rowsFormat, columns, pipe.Writer, cancellationToken);
        var input = pipe.Reader.AsStream();
        StagedBlob staged;
        try
        {
            staged = await blobs.StageAsync(input, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Completing the reader stops a producer blocked on a full pipe; its own outcome no longer matters.
            await input.DisposeAsync().ConfigureAwait(false);
            await produce.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await using var stagedScope = staged;
        await input.DisposeAsync().ConfigureAwait(false);
        await produce.ConfigureAwait(false);
        var profile = await inspector.ProfileAsync(staged, newest.Format, cancellationToken).ConfigureAwait(false);

        // The uploader's marks (sensitive columns, hashing) carry over; detection may add more.
        var schema = new DatasetSchema(profile.Schema.Columns.Select(c =>
            newest.Schema.Find(c.Name)?.Sensitive is { } previous ? c with { Sensitive = c.Sensitive is null ? previous : previous with { Kind = c.Sensitive.Kind }, Numeric = null } : c).ToArray());
        await quotas.EnsureRoomForAsync(tenant, staged.SizeBytes, cancellationToken).ConfigureAwait(false);
        await blobs.CommitAsync(staged, tenant, BlobKind.Dataset, cancellationToken).ConfigureAwait(false);

        // Two appends at once must not both build on version N (the second would drop the first's rows): the second loses.
        return await datasets.TryAddVersionAfterAsync(tenant, dataset.Id, newest.Version,
                new NewDatasetVersion(staged.Sha256, staged.SizeBytes, profile.RowCount, newest.Format, schema), cancellationToken).ConfigureAwait(false)
            ?? throw new ConflictException("dataset-changed",
                $"Dataset '{dataset.Name}' got a new version while these rows were being appended to version {newest.Version}; nothing was added. Send them again.");
    }

    /// <summary>The newest version's bytes as stored, a line break if they lack a final one, then the new rows.</summary>
    private async Task ProduceCombinedAsync(TenantId tenant, DatasetVersion newest, StagedBlob rows, DatasetFormat rowsFormat, string[] columns,
        PipeWriter writer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var destination = writer.AsStream(leaveOpen: true);
            var last = -1;
            await using (var source = await blobs.OpenReadAsync(tenant, BlobKind.Dataset, newest.Sha256, cancellationToken).ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    last = buffer[read - 1];
                }
            }

            if (last is not ('\n' or '\r'))
            {
                destination.WriteByte((byte)'\n');
            }

            await WriteRowsAsync(rows, rowsFormat, columns, DatasetFormats.DelimiterOf(newest.Format), options.Value.CsvLimits, destination, cancellationToken)
                .ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The reader (staging) sees the failure instead of a silently short file.
            await writer.CompleteAsync(ex).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WriteRowsAsync(StagedBlob rows, DatasetFormat rowsFormat, string[] columns, char delimiter, CsvLimits limits,
        Stream destination, CancellationToken cancellationToken)
    {
        await using var content = await rows.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new CsvReader(content, DatasetFormats.DelimiterOf(rowsFormat), leaveOpen: true, limits);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 81920, leaveOpen: true);
        var fields = new List<string>();
        await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false);
        var names = HeaderNames.Normalize(fields);
        var order = columns.Select(c => Array.IndexOf(names, c)).ToArray();
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
