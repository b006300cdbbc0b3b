using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>The run already ended (succeeded, failed or cancelled): there is nothing left to cancel.</summary>
public sealed class PipelineRunFinishedException : ConflictException
{
    public PipelineRunFinishedException(PipelineRunId id, PipelineRunStatus status)
        : base("pipeline-run-finished", $"Pipeline run {id} already ended ({status.ToString().ToLowerInvariant()}); only a queued or running run can be cancelled.")
    {
        Status = status;
    }

    /// <summary>How the run ended.</summary>
    public PipelineRunStatus Status { get; }
}
