using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Quotas;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>
/// Checks a job request against the dataset it names (so a bad label or budget is refused now, not minutes later
/// in a worker), stores the job row and hands its id to the queue.
/// </summary>
internal sealed class JobSubmitter(IDatasetStore datasets, IJobStore jobs, IJobQueue queue, TenantQuotas quotas, TimeProvider time)
{
    /// <summary>Longest time budget accepted: one day.</summary>
    public const double MaxTimeBudgetSeconds = 86_400;

    /// <summary>Most parts a search splits into: one per trainer of the engine.</summary>
    public static int MaxParallelism => ExperimentSettings.KnownTrainers.Count;

    /// <summary>The budget when the request gives none.</summary>
    public const double DefaultTimeBudgetSeconds = 60;

    public async Task<TrainingJob> SubmitAsync(TenantId tenant, SubmitJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var requested = Check(errors, "task", () => TaskKindNames.ParseRequest(request.Task, "task"));
        var task = requested.Kind;
        var metric = Check(errors, "metric", () => request.Metric is null ? (MetricKind?)null : Metrics.Parse(request.Metric, "metric"));
        var budget = request.TimeBudgetSeconds ?? DefaultTimeBudgetSeconds;
        if (!double.IsFinite(budget) || budget < 1 || budget > MaxTimeBudgetSeconds)
        {
            errors["timeBudgetSeconds"] = [$"The time budget is between 1 and {MaxTimeBudgetSeconds} seconds."];
        }

        if (request.MaxTrials is < 1)
        {
            errors["maxTrials"] = ["At least one trial is needed."];
        }

        var parallelism = request.Parallelism ?? 1;
        if (parallelism < 1 || parallelism > MaxParallelism)
        {
            errors["parallelism"] = [$"The search splits into 1 to {MaxParallelism} parts, one trainer each at most."];
        }

        if (string.IsNullOrWhiteSpace(request.Label))
        {
            errors["label"] = ["Name the column to predict."];
        }

        if (string.IsNullOrWhiteSpace(request.DatasetId))
        {
            errors["datasetId"] = ["Name the dataset to train on."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException("invalid-job", errors);
        }

        var datasetId = DatasetId.TryParse(request.DatasetId, out var parsed) ? parsed : throw new DatasetNotFoundException(request.DatasetId!);
        var dataset = await datasets.FindAsync(tenant, datasetId, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId);
        var version = request.DatasetVersion is { } v
            ? await datasets.FindVersionAsync(tenant, datasetId, v, cancellationToken).ConfigureAwait(false) ?? throw new DatasetNotFoundException(datasetId, v)
            : dataset.Latest;
        var label = version.Schema.Find(request.Label!)
            ?? throw new InvalidInputException("unknown-label", $"The dataset has no column '{request.Label}'. Its columns are: {string.Join(", ", version.Schema.Columns.Select(c => c.Name))}.", "label");

        // The same checks the engine makes, made now so the caller hears of a hopeless job at once.
        var (resolvedTask, _) = TaskInference.Resolve(label, task, version.RowCount);
        TorchJobRules.Check(version, label, requested.Modality, resolvedTask, request.RequireOnnx == true);
        if (parallelism > 1 && (version.Format == DatasetFormat.ImageZip || requested.Modality != DataModality.Auto))
        {
            throw new InvalidInputException("parallelism-not-for-task",
                "Text and image classification train one TorchSharp network, which does not split into parts: leave parallelism out.", "parallelism");
        }

        if (metric is { } m && !Metrics.AppliesTo(m, resolvedTask))
        {
            throw new InvalidInputException("metric-not-for-task", $"The metric '{Metrics.NameOf(m)}' does not apply to {TaskKindNames.NameOf(resolvedTask)} tasks.", "metric");
        }

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

    private static T? Check<T>(Dictionary<string, string[]> errors, string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InvalidInputException ex)
        {
            errors[field] = [ex.Message];
            return default;
        }
    }
}
