using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// Loads a run's held-out rows (the same rows its training job left out) and scores registered model versions on
/// them, each read back from its stored artifact exactly as scoring loads it (<see cref="StoredModelReader"/>: the
/// held-out rows are raw, and a model with keyed-hash inputs hashes them itself).
/// </summary>
internal sealed class HoldoutScorer(IDatasetStore datasets, IBlobStore blobs, StoredModelReader models)
{
    public async Task<LoadedTable> LoadHoldoutAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        if (run is not { DatasetId: { } datasetId, DatasetVersion: { } number })
        {
            throw new InvalidOperationException($"Run {run.Id} has no dataset version yet.");
        }

        var version = await datasets.FindVersionAsync(run.TenantId, datasetId, number, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(datasetId, number);
        var table = await TableLoader.LoadAsync(blobs, version, cancellationToken).ConfigureAwait(false);

        var definition = run.Definition;
        return HoldoutSplit.Split(table, version.Schema, definition.Label, definition.Task, definition.Holdout()).Holdout;
    }

    /// <summary>Throws <see cref="IncompatibleDataException"/> when the version cannot read the rows.</summary>
    public async Task<ModelEvaluation> ScoreAsync(ModelVersion version, LoadedTable holdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var mlContext = new MLContext(seed: 0);
        var model = await models.ReadAsync(version, mlContext, cancellationToken).ConfigureAwait(false);
        return ModelEvaluator.Evaluate(mlContext, model, holdout);
    }
}
