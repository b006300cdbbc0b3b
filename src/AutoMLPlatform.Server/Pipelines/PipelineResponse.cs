using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Pipelines;

namespace AutoMLPlatform.Server.Pipelines;

/// <summary>
/// A pipeline as the API shows it: the fields of its definition file, every default spelled out, then read-only facts
/// (<c>source</c>, <c>createdAt</c>, <c>updatedAt</c>, <c>nextRunAt</c>). The whole object may be sent back with PUT:
/// the read-only fields are ignored there.
/// </summary>
public sealed record PipelineResponse(
    string Name,
    string Dataset,
    string Label,
    string Task,
    string? Metric,
    double TimeBudgetSeconds,
    int? MaxTrials,
    string ModelName,
    string Alias,
    ScheduleDocument Schedule,
    PromotionDocument Promotion,
    int Seed,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextRunAt)
{
    public static PipelineResponse From(Pipeline pipeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var document = PipelineDocument.From(pipeline.Definition);
        return new PipelineResponse(document.Name!, document.Dataset!, document.Label!, document.Task!, document.Metric, document.TimeBudgetSeconds!.Value,
            document.MaxTrials, document.ModelName!, document.Alias!, document.Schedule!, document.Promotion!, document.Seed!.Value,
            pipeline.Source, pipeline.CreatedAt, pipeline.UpdatedAt, CronSchedules.NextOccurrence(pipeline.Definition.Schedule, now));
    }
}
