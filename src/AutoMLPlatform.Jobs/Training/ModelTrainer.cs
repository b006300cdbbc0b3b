using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Torch.External;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Turns a claimed job into a registered model version: load the data, search, package, store, register. Image
/// datasets and <c>text-classification</c> jobs go to the Torch trainers (<see cref="TorchJobTrainer"/>) instead of
/// the AutoML search; in the search of a table with a free-text column, the Torch text classifier competes with the
/// ML.NET trainers (<see cref="TorchTextTrainer"/>), and whichever validates best is registered.
/// </summary>
internal sealed class ModelTrainer
{
    private readonly IDatasetStore _datasets;
    private readonly IBlobStore _blobs;
    private readonly IModelRegistry _registry;
    private readonly IJobStore _jobs;
    private readonly TimeProvider _time;
    private readonly JobsOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly TorchJobTrainer _torch;
    private readonly VersionInsightWriter _insight;
    private readonly IKeyedHasherSource _hashers;

    public ModelTrainer(IDatasetStore datasets, IBlobStore blobs, IModelRegistry registry, IJobStore jobs, TimeProvider time,
        IOptions<JobsOptions> options, ILoggerFactory loggers, TorchJobTrainer torch, VersionInsightWriter insight, IKeyedHasherSource hashers)
    {
        _hashers = hashers;
        _torch = torch;
        _insight = insight;
        _datasets = datasets;
        _blobs = blobs;
        _registry = registry;
        _jobs = jobs;
        _time = time;
        _options = options.Value;
        _loggers = loggers;
    }

    public async Task<ModelVersionRef> TrainAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var spec = job.Spec;
        await SetPhaseAsync(lease, "loading", cancellationToken).ConfigureAwait(false);
        var version = await _datasets.FindVersionAsync(job.TenantId, spec.DatasetId, spec.DatasetVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetNotFoundException(spec.DatasetId, spec.DatasetVersion);
        if (version.Format == DatasetFormat.ImageZip || spec.Modality == DataModality.Image)
        {
            return await _torch.TrainImagesAsync(lease, version, cancellationToken).ConfigureAwait(false);
        }

        DatasetFormats.EnsureDelimited(version.Format);
        LoadedTable table;
        await using (var content = await _blobs.OpenReadAsync(job.TenantId, BlobKind.Dataset, version.Sha256, cancellationToken).ConfigureAwait(false))
        {
            table = await TableLoader.LoadAsync(content, DatasetFormats.DelimiterOf(version.Format), version.Schema, cancellationToken).ConfigureAwait(false);
        }

        if (spec.Modality == DataModality.Text)
        {
            return await _torch.TrainTextAsync(lease, version, table, cancellationToken).ConfigureAwait(false);
        }

        if (spec.Holdout is { } holdout)
        {
            // The held-out rows are kept from the search and the refit: a retraining pipeline scores this model on them.
            table = HoldoutSplit.Split(table, version.Schema, spec.Label, spec.Task, holdout).Training;
        }

        // Columns the uploader chose to hash enter the search, and so the model, only as hashes under the tenant's key.
        var hasher = version.Schema.Columns.Any(c => c.Sensitive?.Handling == SensitiveHandling.Hash)
            ? await _hashers.ForTenantAsync(job.TenantId, cancellationToken).ConfigureAwait(false)
            : null;

        // The budget counts from the claim: loading the data is part of what the user waits for.
        var remaining = spec.TimeBudget - (_time.GetUtcNow() - (job.StartedAt ?? _time.GetUtcNow()));
        var mlContext = new MLContext(spec.Seed);
        var experiment = new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = spec.Label,
            Task = spec.Task,
            Metric = spec.Metric,
            TimeBudget = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1),
            MaxTrials = spec.MaxTrials,
            Seed = spec.Seed,
            ExternalTrainers = [new TorchTextTrainer()],
            RequireOnnx = spec.RequireOnnx,
            KeyedHasher = hasher,
        }, _time, _loggers.CreateLogger<AutoMLExperiment>());
        var result = await experiment.RunAsync(table, version.Schema, new LeaderboardMonitor(_jobs, lease), cancellationToken).ConfigureAwait(false);

        await SetPhaseAsync(lease, "registering", cancellationToken).ConfigureAwait(false);
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, spec.Label, result.Labels.Classes, result.Inputs,
            result.BestTrial.Trainer, []);
        var artifact = await StoreArtifactAsync(manifest, job, mlContext, result, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var registered = await _registry.RegisterAsync(new NewModelVersion(job.TenantId, spec.ModelName, result.Task, spec.Label, result.Metric,
            result.BestTrial.Metrics, result.Inputs, result.Labels.Classes,
            new ModelLineage(spec.DatasetId, spec.DatasetVersion, job.Id, result.BestTrial.Trainer, result.BestTrial.Hyperparameters),
            artifact.Sha256, artifact.SizeBytes), CancellationToken.None).ConfigureAwait(false);

        // No write to the job row between registering and returning: a failed write there would requeue a job whose
        // version already exists, and the retry would register a second one.
        await _insight.WriteAsync(registered, manifest, result, table, spec.TimeBudget, cancellationToken).ConfigureAwait(false);
        return new ModelVersionRef(registered.ModelName, registered.Version);
    }

    private async Task<(string Sha256, long SizeBytes)> StoreArtifactAsync(ModelManifest manifest, TrainingJob job, MLContext mlContext, ExperimentResult result,
        CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"automlplatform-model-{Guid.NewGuid():N}.zip");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        ModelPackage.Write(file, mlContext, result.Model, result.InputSchema, manifest);
        file.Position = 0;
        await using var staged = await _blobs.StageAsync(file, _options.MaxArtifactBytes, cancellationToken).ConfigureAwait(false);
        await _blobs.CommitAsync(staged, job.TenantId, BlobKind.Model, cancellationToken).ConfigureAwait(false);
        return (staged.Sha256, staged.SizeBytes);
    }

    private static Task SetPhaseAsync(JobLease lease, string phase, CancellationToken cancellationToken) =>
        lease.UpdateAsync(j => j with { Progress = j.Progress with { Phase = phase } }, cancellationToken);
}
