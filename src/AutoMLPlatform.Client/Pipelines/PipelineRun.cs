using System.Text.Json;

namespace AutoMLPlatform.Client.Pipelines;

/// <summary>One run of a pipeline: its trigger (<c>schedule</c>, <c>manual</c>, <c>drift</c>, <c>quality</c>), status, jobs, and promotion decision with both scores.</summary>
public sealed record PipelineRun(
    PipelineRunId Id,
    string Pipeline,
    string Trigger,
    string Status,
    int Attempt,
    int Failures,
    Datasets.DatasetId? DatasetId,
    int? DatasetVersion,
    Jobs.JobId? JobId,
    IReadOnlyList<Jobs.JobId> JobIds,
    JsonElement? Decision,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonElement? Drift,
    JsonElement? Quality = null);
