using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Insight.Onnx;
using Microsoft.ML;

namespace AutoMLPlatform.Server.Models;

/// <summary>
/// Exports a model version as ONNX, proving parity on the first <see cref="ParityRows"/> rows of the dataset version it
/// was trained on (its lineage): a model whose training data is gone cannot be proven, so it is refused too, as is a
/// model with keyed-hash inputs (<see cref="OnnxKeyedHashGuard"/>).
/// </summary>
internal sealed class VersionExporter(IDatasetStore datasets, IBlobStore blobs, StoredModelReader models)
{
    /// <summary>Rows ONNX Runtime and ML.NET must agree on.</summary>
    public const int ParityRows = 200;

    public async Task<byte[]> ExportAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        OnnxKeyedHashGuard.EnsureExportable(version.Inputs);
        var lineage = version.Lineage;
        var data = await datasets.FindVersionAsync(version.TenantId, lineage.DatasetId, lineage.DatasetVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new UnprocessableException("onnx-parity-rows-missing",
                $"Dataset {lineage.DatasetId} version {lineage.DatasetVersion}, which the model was trained on, is gone: there are no rows to prove the ONNX file on.");
        var table = await TableLoader.LoadAsync(blobs, data, cancellationToken).ConfigureAwait(false);

        var sample = table.Select(Enumerable.Range(0, Math.Min(ParityRows, table.RowCount)).ToArray());
        var model = await models.ReadAsync(version, new MLContext(seed: 0), cancellationToken).ConfigureAwait(false);
        return OnnxExporter.Export(model, sample);
    }
}
