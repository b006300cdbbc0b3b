using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Profiles staged tables with every registered personal-data detector and the upload limits (columns, row length):
/// one place, for uploads and appends alike.
/// </summary>
internal sealed class TableInspector(IEnumerable<ISensitiveValueDetector> detectors, IOptions<UploadOptions> options)
{
    private readonly ISensitiveValueDetector[] _detectors = detectors.ToArray();

    public async Task<TableProfile> ProfileAsync(StagedBlob staged, DatasetFormat format, CancellationToken cancellationToken)
    {
        await using var content = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await ProfileAsync(content, format, _detectors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Profiles without personal-data detection (the header and shape of rows to append).</summary>
    public async Task<TableProfile> ProfileShapeAsync(StagedBlob staged, DatasetFormat format, CancellationToken cancellationToken)
    {
        await using var content = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await ProfileAsync(content, format, [], cancellationToken).ConfigureAwait(false);
    }

    private Task<TableProfile> ProfileAsync(Stream content, DatasetFormat format, IReadOnlyList<ISensitiveValueDetector> detectors,
        CancellationToken cancellationToken) =>
        TableProfiler.ProfileAsync(content, DatasetFormats.DelimiterOf(format), detectors, options.Value.CsvLimits, cancellationToken);
}
