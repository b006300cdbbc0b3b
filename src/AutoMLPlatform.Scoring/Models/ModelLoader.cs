using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Reads a model version's artifact and builds its <see cref="ScoringModel"/>: the row type is emitted and the
/// generic pool is instantiated once per version, here, so no request pays for reflection. Package parts that are
/// not ML.NET's (Torch networks) are rebuilt by the <see cref="IModelPartLoader"/>s registered in DI.
/// </summary>
public sealed class ModelLoader(IBlobStore blobs, RowTypeFactory rowTypes, IEnumerable<IModelPartLoader> partLoaders, IOptions<ScoringOptions> options)
{
    public async Task<ScoringModel> LoadAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var mlContext = new MLContext(seed: 0);
        LoadedModel loaded;
        await using (var artifact = await blobs.OpenReadAsync(version.TenantId, BlobKind.Model, version.ArtifactSha256, cancellationToken).ConfigureAwait(false))
        {
            // Zip reading needs a seekable stream; artifacts are read whole into memory, never to another file.
            using var buffer = new MemoryStream();
            await artifact.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            loaded = ModelPackage.Read(buffer, mlContext, partLoaders);
        }

        var rowType = rowTypes.Create(loaded.Manifest.Inputs);
        var calibrated = loaded.Transformer.GetOutputSchema(InputSchemaOf(loaded.Manifest.Inputs)).GetColumnOrNull("Probability") is not null;
        var outputType = OutputReaders.OutputTypeFor(loaded.Manifest.Task, calibrated);
        var reader = OutputReaders.For(loaded.Manifest.Task, calibrated, loaded.Manifest.Classes);
        var shape = OutputReaders.ShapeFor(loaded.Manifest.Task, calibrated, loaded.Manifest.Classes);
        var modelType = typeof(PooledScoringModel<,>).MakeGenericType(rowType.ClrType, outputType);

        // Building the pool creates and warms every engine: CPU work, kept off the caller's thread.
        return await Task.Run(() => (ScoringModel)Activator.CreateInstance(modelType, version, loaded, mlContext, rowType, shape, reader,
            options.Value.EnginesPerModel)!, cancellationToken).ConfigureAwait(false);
    }

    private static DataViewSchema InputSchemaOf(IReadOnlyList<ModelInputColumn> inputs)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var input in inputs)
        {
            builder.AddColumn(input.Name, input.Type == ColumnType.Numeric ? NumberDataViewType.Single : TextDataViewType.Instance);
        }

        return builder.ToSchema();
    }
}
