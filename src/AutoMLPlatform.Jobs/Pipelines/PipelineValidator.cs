using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Turns a <see cref="PipelineDocument"/> into a <see cref="PipelineDefinition"/>, or refuses it with every offending
/// field at once (400, keyed by field name such as <c>schedule.cron</c>). The dataset is checked by name and its
/// newest version for the label and the task/metric fit; when the dataset does not exist yet and the caller allows
/// it (a file loaded at start, before anyone uploaded the data), those checks wait for the first run.
/// </summary>
public sealed class PipelineValidator(IDatasetStore datasets)
{
    public const double MaxTimeBudgetSeconds = 86_400;
    public const double DefaultTimeBudgetSeconds = 60;
    public const double MinHoldoutFraction = 0.05;
    public const double MaxHoldoutFraction = 0.5;

    /// <summary>Validates; <see cref="ValidatedPipeline.DatasetFound"/> is false only when <paramref name="allowMissingDataset"/> let a missing dataset pass.</summary>
    public async Task<ValidatedPipeline> ValidateAsync(TenantId tenant, PipelineDocument document, bool allowMissingDataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new Dictionary<string, string[]>();
        var name = Check(errors, "name", () => PipelineNames.Validate(document.Name));
        var datasetName = Check(errors, "dataset", () => DatasetNames.Validate(document.Dataset));
        var task = Check(errors, "task", () => TaskKindNames.ParseOrAuto(document.Task, "task"));
        var metric = Check(errors, "metric", () => document.Metric is null ? (MetricKind?)null : Metrics.Parse(document.Metric, "metric"));
        Require(errors, "label", !string.IsNullOrWhiteSpace(document.Label), "Name the column to predict.");
        var budget = document.TimeBudgetSeconds ?? DefaultTimeBudgetSeconds;
        Require(errors, "timeBudgetSeconds", double.IsFinite(budget) && budget is >= 1 and <= MaxTimeBudgetSeconds,
            $"The time budget is between 1 and {MaxTimeBudgetSeconds} seconds.");
        Require(errors, "maxTrials", document.MaxTrials is null or >= 1, "At least one trial is needed.");
        var modelName = Check(errors, "modelName", () => ModelAliases.ValidateModelName(document.ModelName ?? document.Name, "modelName"));
        var alias = Check(errors, "alias", () => ModelAliases.ValidateAlias(document.Alias ?? ModelAliases.Production));
        var schedule = CheckSchedule(errors, document.Schedule);
        var promotion = PromotionRules.Check(errors, document.Promotion ?? new PromotionDocument());

        var datasetFound = false;
        if (datasetName is not null)
        {
            var dataset = await datasets.FindByNameAsync(tenant, datasetName, cancellationToken).ConfigureAwait(false);
            datasetFound = dataset is not null;
            if (dataset is null && !allowMissingDataset)
            {
                errors["dataset"] = [$"There is no dataset named '{datasetName}'; upload it first (POST /api/datasets with name={datasetName})."];
            }
            else if (dataset is not null && !string.IsNullOrWhiteSpace(document.Label))
            {
                CheckLabelAndMetric(errors, dataset.Latest, document.Label, task, metric);
            }
        }

        if (!datasetFound && metric is { } m && task is { } t && !Metrics.AppliesTo(m, t))
        {
            errors["metric"] = [$"The metric '{Metrics.NameOf(m)}' does not apply to {TaskKindNames.NameOf(t)} tasks."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException("invalid-pipeline", errors);
        }

        return new ValidatedPipeline(new PipelineDefinition(name!, datasetName!, document.Label!, task, metric, TimeSpan.FromSeconds(budget),
            document.MaxTrials, modelName!, alias!, schedule!, promotion!, document.Seed ?? JobSpec.DefaultSeed), datasetFound);
    }

    private static void CheckLabelAndMetric(Dictionary<string, string[]> errors, DatasetVersion newest, string label, TaskKind? task, MetricKind? metric)
    {
        var profile = newest.Schema.Find(label);
        if (profile is null)
        {
            errors["label"] = [$"The dataset has no column '{label}'. Its columns are: {string.Join(", ", newest.Schema.Columns.Select(c => c.Name))}."];
            return;
        }

        if (errors.ContainsKey("task") || errors.ContainsKey("metric"))
        {
            return; // the task or metric did not parse: their fit to the label cannot be judged
        }

        try
        {
            var (resolved, _) = TaskInference.Resolve(profile, task, newest.RowCount);
            if (metric is { } m && !Metrics.AppliesTo(m, resolved))
            {
                errors["metric"] = [$"The metric '{Metrics.NameOf(m)}' does not apply to {TaskKindNames.NameOf(resolved)} tasks (the task of '{label}')."];
            }
        }
        catch (UnprocessableException ex)
        {
            errors[ex.Field ?? "label"] = [ex.Message];
        }
    }

    private static PipelineSchedule? CheckSchedule(Dictionary<string, string[]> errors, ScheduleDocument? schedule)
    {
        if (schedule is null)
        {
            errors["schedule"] = ["Give a schedule: {\"cron\": \"0 3 * * *\", \"timeZone\": \"Europe/Berlin\"}."];
            return null;
        }

        var zone = schedule.TimeZone ?? PipelineSchedule.DefaultTimeZone;
        var cronOk = Check(errors, "schedule.cron", () => CronSchedules.ParseCron(schedule.Cron)) is not null;
        var zoneOk = Check(errors, "schedule.timeZone", () => CronSchedules.FindTimeZone(zone)) is not null;
        var count = errors.Count;
        var drift = schedule.DriftTrigger is { } document ? DriftTriggerRules.Check(errors, document) : null;
        var quality = schedule.QualityTrigger is { } rule ? QualityTriggerRules.Check(errors, rule) : null;
        var canary = schedule.CanaryTrigger is { } canaryRule ? CanaryTriggerRules.Check(errors, canaryRule) : null;
        return cronOk && zoneOk && errors.Count == count ? new PipelineSchedule(schedule.Cron!.Trim(), zone, drift, quality, canary) : null;
    }

    internal static void Require(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    internal static T? Check<T>(Dictionary<string, string[]> errors, string field, Func<T> parse)
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
