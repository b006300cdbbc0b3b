using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Specs;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Turns a <see cref="PipelineDocument"/> into a <see cref="PipelineDefinition"/>, or refuses it with every offending
/// field at once (400, keyed by field name such as <c>schedule.cron</c>). The dataset is checked by name and its
/// newest version for the label and the task/metric fit; when the dataset does not exist yet and the caller allows
/// it (a file loaded at start, before anyone uploaded the data), those checks wait for the first run.
/// </summary>
public sealed class PipelineValidator(IDatasetStore datasets)
{
    public const double MinHoldoutFraction = 0.05;
    public const double MaxHoldoutFraction = 0.5;

    /// <summary>Validates; <see cref="ValidatedPipeline.DatasetFound"/> is false only when <paramref name="allowMissingDataset"/> let a missing dataset pass.</summary>
    public async Task<ValidatedPipeline> ValidateAsync(TenantId tenant, PipelineDocument document, bool allowMissingDataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new Dictionary<string, string[]>();
        var name = FieldErrors.Check(errors, "name", () => PipelineNames.Validate(document.Name));
        var datasetName = FieldErrors.Check(errors, "dataset", () => DatasetNames.Validate(document.Dataset));
        var task = FieldErrors.Check(errors, "task", () => TaskKindNames.ParseOrAuto(document.Task, "task"));
        var metric = FieldErrors.Check(errors, "metric", () => document.Metric is null ? (MetricKind?)null : Metrics.Parse(document.Metric, "metric"));
        var budget = JobSpecRules.CheckBudget(errors, document.TimeBudgetSeconds);
        JobSpecRules.CheckLabelAndTrials(errors, document.Label, document.MaxTrials);
        var modelName = FieldErrors.Check(errors, "modelName", () => ModelAliases.ValidateModelName(document.ModelName ?? document.Name, "modelName"));
        var alias = FieldErrors.Check(errors, "alias", () => ModelAliases.ValidateAlias(document.Alias ?? ModelAliases.Production));
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
            throw new InvalidInputException(PipelineErrorCodes.InvalidPipeline, errors);
        }

        return new ValidatedPipeline(new PipelineDefinition(name!, datasetName!, document.Label!, task, metric, TimeSpan.FromSeconds(budget),
            document.MaxTrials, modelName!, alias!, schedule!, promotion!, document.Seed ?? JobSpec.DefaultSeed), datasetFound);
    }

    private static void CheckLabelAndMetric(Dictionary<string, string[]> errors, DatasetVersion newest, string label, TaskKind? task, MetricKind? metric)
    {
        // The task or metric did not parse: the label is still looked up, but their fit to it cannot be judged.
        var judgeTask = !errors.ContainsKey("task") && !errors.ContainsKey("metric");
        try
        {
            var profile = JobSpecRules.FindLabel(newest, label);
            if (judgeTask)
            {
                JobSpecRules.CheckMetric(metric, JobSpecRules.ResolveTask(newest, profile, task), profile.Name);
            }
        }
        catch (AutoMLPlatformException ex) when (ex is InvalidInputException or UnprocessableException)
        {
            errors[FieldOf(ex) ?? "label"] = [ex.Message];
        }
    }

    private static string? FieldOf(AutoMLPlatformException ex) => ex switch
    {
        InvalidInputException invalid => invalid.Field,
        UnprocessableException unprocessable => unprocessable.Field,
        _ => null,
    };

    private static PipelineSchedule? CheckSchedule(Dictionary<string, string[]> errors, ScheduleDocument? schedule)
    {
        if (schedule is null)
        {
            errors["schedule"] = ["Give a schedule: {\"cron\": \"0 3 * * *\", \"timeZone\": \"Europe/Berlin\"}."];
            return null;
        }

        var zone = schedule.TimeZone ?? PipelineSchedule.DefaultTimeZone;
        var cronOk = FieldErrors.Check(errors, "schedule.cron", () => CronSchedules.ParseCron(schedule.Cron)) is not null;
        var zoneOk = FieldErrors.Check(errors, "schedule.timeZone", () => CronSchedules.FindTimeZone(zone)) is not null;
        var count = errors.Count;
        var drift = schedule.DriftTrigger is { } document ? DriftTriggerRules.Check(errors, document) : null;
        var quality = schedule.QualityTrigger is { } rule ? QualityTriggerRules.Check(errors, rule) : null;
        var canary = schedule.CanaryTrigger is { } canaryRule ? CanaryTriggerRules.Check(errors, canaryRule) : null;
        return cronOk && zoneOk && errors.Count == count ? new PipelineSchedule(schedule.Cron!.Trim(), zone, drift, quality, canary) : null;
    }
}
