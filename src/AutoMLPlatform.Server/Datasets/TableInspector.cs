using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>Profiles staged tables with every registered personal-data detector: one place, for uploads and appends alike.</summary>
internal sealed class TableInspector(IEnumerable<ISensitiveValueDetector> detectors)
{
    private readonly ISensitiveValueDetector[] _detectors = detectors.ToArray();

    public async Task<TableProfile> ProfileAsync(StagedBlob staged, DatasetFormat format, CancellationToken cancellationToken)
    {
        await using var content = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await TableProfiler.ProfileAsync(content, DatasetFormats.DelimiterOf(format), _detectors, cancellationToken).ConfigureAwait(false);
    }
}
