using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Reads a model version's artifact and builds its <see cref="ScoringModel"/>: the row type is emitted and the
/// generic pool is instantiated once per version, here, so no request pays for reflection. The package is read by
/// <see cref="StoredModelReader"/>, which rebuilds Torch parts and hashes keyed-hash inputs in front of the model.
/// </summary>
public sealed class ModelLoader(StoredModelReader packages, RowTypeFactory rowTypes, IOptions<ScoringOptions> options)
{
    public async Task<ScoringModel> LoadAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var span = ScoringTracing.Source.StartActivity("model.load");
        span?.SetTag("automlplatform.model", version.ModelName);
        span?.SetTag("automlplatform.model.version", version.Version);
        var mlContext = new MLContext(seed: 0);
        var loaded = await packages.ReadAsync(version, mlContext, cancellationToken).ConfigureAwait(false);
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
