using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Quotas;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Takes an upload from staged bytes to a stored dataset version: check it is a well-formed table and infer its
/// schema first, then commit the blob and add the version. A bad file is refused before anything is committed,
/// so nothing already stored changes. Uploading the bytes the dataset's newest version already has adds nothing.
/// </summary>
internal sealed class DatasetUploader(IBlobStore blobs, IDatasetStore datasets, IEnumerable<ISensitiveValueDetector> detectors, TenantQuotas quotas,
    IOptions<UploadOptions> options)
{
    private readonly ISensitiveValueDetector[] _detectors = detectors.ToArray();

    public async Task<(DatasetResponse Dataset, bool Created)> UploadAsync(HttpRequest request, TenantId tenant, CancellationToken cancellationToken)
    {
        await using var upload = await MultipartUpload.ReadAsync(request, blobs, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(upload.Name) ? DatasetNames.FromFileName(upload.FileName) : DatasetNames.Validate(upload.Name);
        var format = DatasetFormats.FromFileName(upload.FileName);
        DatasetFormats.EnsureDelimited(format);

        var existing = await datasets.FindByNameAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Latest.Sha256 == upload.File.Sha256)
        {
            return (DatasetResponse.From(existing.Name, existing.Latest), false);
        }

        TableProfile profile;
        await using (var content = await upload.File.OpenReadAsync(cancellationToken).ConfigureAwait(false))
        {
            profile = await TableProfiler.ProfileAsync(content, DatasetFormats.DelimiterOf(format), _detectors, cancellationToken).ConfigureAwait(false);
        }

        profile = profile with { Schema = SensitiveMarks.Apply(profile.Schema, upload.Fields) };

        await quotas.EnsureRoomForAsync(tenant, upload.File.SizeBytes, cancellationToken).ConfigureAwait(false);
        await blobs.CommitAsync(upload.File, tenant, BlobKind.Dataset, cancellationToken).ConfigureAwait(false);
        var version = await datasets.AddVersionAsync(tenant, name,
            new NewDatasetVersion(upload.File.Sha256, upload.File.SizeBytes, profile.RowCount, format, profile.Schema), cancellationToken).ConfigureAwait(false);
        return (DatasetResponse.From(name, version), true);
    }
}
