using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>Loads a job's dataset version the same way for the whole search and for every part of a fanned-out one.</summary>
internal sealed class TrainingDataLoader(IDatasetStore datasets, IBlobStore blobs, IKeyedHasherSource hashers)
{
    public async Task<DatasetVersion> FindVersionAsync(TrainingJob job, CancellationToken cancellationToken) =>
        await datasets.FindVersionAsync(job.TenantId, job.Spec.DatasetId, job.Spec.DatasetVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(job.Spec.DatasetId, job.Spec.DatasetVersion);

    /// <summary>Every row of a delimited version, as stored.</summary>
    public Task<LoadedTable> LoadTableAsync(DatasetVersion version, CancellationToken cancellationToken) =>
        TableLoader.LoadAsync(blobs, version, cancellationToken);

    /// <summary>What the search may see of <paramref name="table"/>: the held-out rows left out, the hasher for hashed columns.</summary>
    public async Task<TrainingData> PrepareAsync(TrainingJob job, DatasetVersion version, LoadedTable table, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        if (spec.Holdout is { } holdout)
        {
            // The held-out rows are kept from the search and the refit: a retraining pipeline scores this model on them.
            table = HoldoutSplit.Split(table, version.Schema, spec.Label, spec.Task, holdout).Training;
        }

        // Columns the uploader chose to hash enter the search, and so the model, only as hashes under the tenant's key.
        var hasher = version.Schema.Columns.Any(c => c.Sensitive?.Handling == SensitiveHandling.Hash)
            ? await hashers.ForTenantAsync(job.TenantId, cancellationToken).ConfigureAwait(false)
            : null;
        return new TrainingData(version, table, hasher);
    }
}
