using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Specs;
using AutoMLPlatform.Security.Quotas;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>
/// Checks a job request against the dataset it names (so a bad label or budget is refused now, not minutes later
/// in a worker), stores the job row and hands its id to the queue.
/// </summary>
internal sealed class JobSubmitter(IDatasetStore datasets, IJobStore jobs, IJobQueue queue, TenantQuotas quotas, TimeProvider time)
{
    /// <summary>Most parts a search splits into: one per trainer of the engine.</summary>
    public static int MaxParallelism => ExperimentSettings.KnownTrainers.Count;

    public async Task<TrainingJob> SubmitAsync(TenantId tenant, SubmitJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var requested = FieldErrors.Check(errors, "task", () => TaskKindNames.ParseRequest(request.Task, "task"));
        var task = requested.Kind;
        var metric = FieldErrors.Check(errors, "metric", () => request.Metric is null ? (MetricKind?)null : Metrics.Parse(request.Metric, "metric"));
        var budget = JobSpecRules.CheckBudget(errors, request.TimeBudgetSeconds);
        JobSpecRules.CheckLabelAndTrials(errors, request.Label, request.MaxTrials);
        var parallelism = request.Parallelism ?? 1;
        FieldErrors.Require(errors, "parallelism", parallelism >= 1 && parallelism <= MaxParallelism,
            $"The search splits into 1 to {MaxParallelism} parts, one trainer each at most.");
        FieldErrors.Require(errors, "datasetId", !string.IsNullOrWhiteSpace(request.DatasetId), "Name the dataset to train on.");

        if (errors.Count > 0)
        {
            throw new InvalidInputException("invalid-job", errors);
        }

        var datasetId = DatasetId.TryParse(request.DatasetId, out var parsed) ? parsed : throw new DatasetNotFoundException(request.DatasetId!);
        var dataset = await datasets.FindAsync(tenant, datasetId, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId);
        var version = request.DatasetVersion is { } v
            ? await datasets.FindVersionAsync(tenant, datasetId, v, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId, v)
            : dataset.Latest;
        var label = JobSpecRules.FindLabel(version, request.Label!);

        // The same checks the engine makes, made now so the caller hears of a hopeless job at once.
        var resolvedTask = JobSpecRules.ResolveTask(version, label, task);
        TorchJobRules.Check(version, label, requested.Modality, resolvedTask, request.RequireOnnx == true);
        if (parallelism > 1 && (version.Format == DatasetFormat.ImageZip || requested.Modality != DataModality.Auto))
        {
            throw new InvalidInputException("parallelism-not-for-task",
                "Text and image classification train one TorchSharp network, which does not split into parts: leave parallelism out.", "parallelism");
        }

        JobSpecRules.CheckMetric(metric, resolvedTask, label.Name);

        var modelName = ModelAliases.ValidateModelName(request.ModelName ?? DatasetNames.FromFileName(dataset.Name).Replace(' ', '-'));
        var spec = new JobSpec(datasetId, version.Version, label.Name, task, metric, TimeSpan.FromSeconds(budget), modelName,
            request.Seed ?? JobSpec.DefaultSeed, request.MaxTrials, requested.Modality, RequireOnnx: request.RequireOnnx == true,
            Parallelism: parallelism);
        // The job will store a model: a tenant at its storage quota cannot start one. The job quota is checked by the
        // store as it creates the row, atomically, so two submissions at once cannot both take the last slot.
        await quotas.EnsureRoomForAsync(tenant, 1, cancellationToken).ConfigureAwait(false);
        var job = TrainingJob.Create(tenant, spec, time.GetUtcNow());
        await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return job;
    }
}
