using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// A pipeline definition as written in a file of the pipelines directory and sent to or read from
/// <c>/api/pipelines</c>: one shape for both. Every field is optional here; <see cref="PipelineValidator"/> says which
/// are required and turns it into a <see cref="PipelineDefinition"/>.
/// </summary>
/// <param name="Name">The pipeline's name (a file's name gives the default).</param>
/// <param name="Dataset">The dataset's name; runs use its newest version.</param>
/// <param name="Label">The column to predict.</param>
/// <param name="Task"><c>auto</c> (default), <c>binary</c>, <c>multiclass</c> or <c>regression</c>.</param>
/// <param name="Metric">The metric that decides promotion; the task's default when left out.</param>
/// <param name="TimeBudgetSeconds">Search time per run: 1 to 86,400 seconds, 60 when left out.</param>
/// <param name="MaxTrials">Stop each search after this many trials.</param>
/// <param name="ModelName">The registered model; the pipeline's name when left out.</param>
/// <param name="Alias">The alias to maintain; <c>production</c> when left out.</param>
/// <param name="Schedule">The cron schedule and its time zone (required).</param>
/// <param name="Promotion">The promotion policy; defaults when left out.</param>
/// <param name="Seed">Seed of the holdout split and the search; 1 when left out.</param>
public sealed record PipelineDocument(
    string? Name = null,
    string? Dataset = null,
    string? Label = null,
    string? Task = null,
    string? Metric = null,
    double? TimeBudgetSeconds = null,
    int? MaxTrials = null,
    string? ModelName = null,
    string? Alias = null,
    ScheduleDocument? Schedule = null,
    PromotionDocument? Promotion = null,
    int? Seed = null)
{
    /// <summary>The document that reads back as <paramref name="definition"/>, every default spelled out.</summary>
    public static PipelineDocument From(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var promotion = definition.Promotion;
        return new PipelineDocument(
            definition.Name,
            definition.Dataset,
            definition.Label,
            definition.Task is { } task ? TaskKindNames.NameOf(task) : "auto",
            definition.Metric is { } metric ? Metrics.NameOf(metric) : null,
            definition.TimeBudget.TotalSeconds,
            definition.MaxTrials,
            definition.ModelName,
            definition.Alias,
            new ScheduleDocument(definition.Schedule.Cron, definition.Schedule.TimeZone,
                definition.Schedule.DriftTrigger is { } drift ? DriftTriggerRules.ToDocument(drift) : null,
                definition.Schedule.QualityTrigger is { } quality ? QualityTriggerRules.ToDocument(quality) : null,
                definition.Schedule.CanaryTrigger is { } canary ? CanaryTriggerRules.ToDocument(canary) : null),
            new PromotionDocument(promotion.MinImprovement, promotion.Improvement.ToString().ToLowerInvariant(), promotion.HoldoutFraction,
                promotion.Retries, promotion.RetryDelay.TotalSeconds),
            definition.Seed);
    }
}
