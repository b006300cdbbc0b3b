using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Tracing;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Turns a claimed job into a registered model version: load the data, search, package, store, register. Image
/// datasets and <c>text-classification</c> jobs go to the Torch trainers (<see cref="TorchJobTrainer"/>) instead of
/// the AutoML search (<see cref="TabularSearch"/>); a job with <see cref="JobSpec.Parallelism"/> above 1 splits its
/// search over workers (<see cref="FanOutSearch"/>), and the best part's model is registered.
/// </summary>
internal sealed class ModelTrainer(TrainingDataLoader data, TabularSearch search, FanOutSearch fanOut, IModelRegistry registry, IJobStore jobs,
    TorchJobTrainer torch, VersionInsightWriter insight)
{
    public async Task<ModelVersionRef> TrainAsync(Lease<TrainingJob> lease, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var spec = job.Spec;

        // An earlier attempt may have registered the model and then failed to say so (the "succeeded" write met a
        // database restart, or its lease was lost): the version is the job's result, not a reason to train again.
        if (await registry.FindByJobAsync(job.TenantId, job.Id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return new ModelVersionRef(earlier.ModelName, earlier.Version);
        }

        await SetPhaseAsync(lease, JobPhase.Loading, cancellationToken).ConfigureAwait(false);
        var version = await data.FindVersionAsync(job, cancellationToken).ConfigureAwait(false);
        if (version.Format == DatasetFormat.ImageZip || spec.Modality == DataModality.Image)
        {
            return await JobsTracing.TraceAsync("job.torch", () => torch.TrainImagesAsync(lease, version, cancellationToken)).ConfigureAwait(false);
        }

        var table = await JobsTracing.TraceAsync("job.load", () => data.LoadTableAsync(version, cancellationToken)).ConfigureAwait(false);
        if (spec.Modality == DataModality.Text)
        {
            return await JobsTracing.TraceAsync("job.torch", () => torch.TrainTextAsync(lease, version, table, cancellationToken)).ConfigureAwait(false);
        }

        var training = await JobsTracing.TraceAsync("job.prepare", () => data.PrepareAsync(job, version, table, cancellationToken)).ConfigureAwait(false);
        var (local, outcome) = await JobsTracing.TraceAsync("job.search", () => SearchAsync(lease, training, cancellationToken)).ConfigureAwait(false);

        await SetPhaseAsync(lease, JobPhase.Registering, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var registered = await JobsTracing.TraceAsync("job.register", () => registry.RegisterAsync(new NewModelVersion(job.TenantId, spec.ModelName,
            outcome.Task, spec.Label, outcome.Metric, outcome.Metrics, outcome.Inputs, outcome.Classes,
            new ModelLineage(spec.DatasetId, spec.DatasetVersion, job.Id, outcome.Trainer, outcome.Hyperparameters),
            outcome.ArtifactSha256, outcome.ArtifactSizeBytes), CancellationToken.None)).ConfigureAwait(false);

        // No write to the job row between registering and returning: a failed write there would requeue a job whose
        // version already exists, and the retry would register a second one.
        await JobsTracing.TraceAsync("job.report", () => local is not null
            ? insight.WriteAsync(registered, local.Manifest, local.Result, training.Table, spec.TimeBudget, cancellationToken)
            : insight.WriteAsync(registered, outcome, training.Table, spec.TimeBudget, cancellationToken)).ConfigureAwait(false);

        return new ModelVersionRef(registered.ModelName, registered.Version);
    }

    /// <summary>The search: split over workers when the job asks for parallelism, else here; the local outcome is null when split.</summary>
    private async Task<(SearchOutcome? Local, JobPartOutcome Outcome)> SearchAsync(Lease<TrainingJob> lease, TrainingData training, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        if (job.Spec.Parallelism > 1)
        {
            var fanned = await fanOut.RunAsync(lease, training, cancellationToken).ConfigureAwait(false);
            return (fanned.Local, fanned.Winner);
        }

        var local = await search.RunAsync(job, training, SearchShare.Whole(job.Spec), new LeaderboardMonitor(jobs, lease), cancellationToken).ConfigureAwait(false);
        return (local, local.ToPartOutcome(report: null));
    }

    private static Task SetPhaseAsync(Lease<TrainingJob> lease, JobPhase phase, CancellationToken cancellationToken) =>
        lease.UpdateAsync(j => j with { Progress = j.Progress.In(phase) }, cancellationToken);
}
