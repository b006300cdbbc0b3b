using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>A run of the pipeline is already queued or running; runs of one pipeline never overlap.</summary>
public sealed class PipelineRunInProgressException : ConflictException
{
    public PipelineRunInProgressException(string pipeline, PipelineRunId? active)
        : base("pipeline-run-in-progress", active is { } id
            ? $"Pipeline '{pipeline}' already has a run in progress ({id}); runs of one pipeline never overlap."
            : $"Pipeline '{pipeline}' already has a run in progress; runs of one pipeline never overlap.")
    {
        ActiveRun = active;
    }

    public PipelineRunId? ActiveRun { get; }
}
