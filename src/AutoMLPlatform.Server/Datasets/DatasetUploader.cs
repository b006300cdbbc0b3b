using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Security.Quotas;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Takes an upload from staged bytes to a stored dataset version: check it is a well-formed table (or, for a
/// <c>.zip</c>, a safe zip of image class folders, see <see cref="ImageZipReader"/>) and infer its schema first
/// (personal data flagged), then commit the blob and add the version. A bad file, or one past the tenant's storage
/// quota, is refused before anything is committed, so nothing already stored changes. Uploading the bytes the
/// dataset's newest version already has adds nothing. With <c>mode=append</c> a table's rows are added to the newest
/// version instead (<see cref="DatasetAppender"/>).
/// </summary>
internal sealed class DatasetUploader(IBlobStore blobs, IDatasetStore datasets, DatasetAppender appender, TableInspector inspector,
    TenantQuotas quotas, IOptions<UploadOptions> options)
{
    public async Task<(DatasetResponse Dataset, bool Created)> UploadAsync(HttpRequest request, TenantId tenant, CancellationToken cancellationToken)
    {
        await using var upload = await MultipartUpload.ReadAsync(request, blobs, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(upload.Name) ? DatasetNames.FromFileName(upload.FileName) : DatasetNames.Validate(upload.Name);
        var mode = UploadModes.Parse(upload.Mode);
        var format = DatasetFormats.FromFileName(upload.FileName);

        var existing = await datasets.FindByNameAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        if (mode == UploadMode.Append)
        {
            var dataset = existing ?? throw new NotFoundException(DatasetErrorCodes.DatasetNotFound,
                $"There is no dataset named '{name}' to append to; upload its first version without mode=append.");
            DatasetFormats.EnsureDelimited(format);
            var appended = await appender.AppendAsync(tenant, dataset, upload.File, format, cancellationToken).ConfigureAwait(false);
            return (DatasetResponse.From(name, appended), true);
        }

        if (existing is not null && existing.Latest.Sha256 == upload.File.Sha256)
        {
            return (DatasetResponse.From(existing.Name, existing.Latest), false);
        }

        var (rowCount, schema) = await ProfileAsync(upload, format, cancellationToken).ConfigureAwait(false);
        await quotas.EnsureRoomForAsync(tenant, upload.File.SizeBytes, cancellationToken).ConfigureAwait(false);
        await blobs.CommitAsync(upload.File, tenant, BlobKind.Dataset, cancellationToken).ConfigureAwait(false);
        var version = await datasets.AddVersionAsync(tenant, name,
            new NewDatasetVersion(upload.File.Sha256, upload.File.SizeBytes, rowCount, format, schema), cancellationToken).ConfigureAwait(false);
        return (DatasetResponse.From(name, version), true);
    }

    private async Task<(long RowCount, DatasetSchema Schema)> ProfileAsync(MultipartUpload upload, DatasetFormat format, CancellationToken cancellationToken)
    {
        if (format == DatasetFormat.ImageZip)
        {
            await using var content = await upload.File.OpenReadAsync(cancellationToken).ConfigureAwait(false);
            // Reading a zip is synchronous work over every entry: keep it off the request thread.
            var summary = await Task.Run(() => ImageZipReader.Read(content, options.Value.ImageZipLimits, null, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return (summary.ImageCount, ImageDatasetSchema.From(summary));
        }

        var profile = await inspector.ProfileAsync(upload.File, format, cancellationToken).ConfigureAwait(false);
        return (profile.RowCount, SensitiveMarks.Apply(profile.Schema, upload.Fields));
    }
}
