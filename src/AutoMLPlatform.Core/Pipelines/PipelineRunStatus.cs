namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Where a pipeline run is in its life. Queued and Running runs are active: a pipeline has at most one.</summary>
public enum PipelineRunStatus
{
    Queued,
    Running,

    /// <summary>A challenger was trained and judged; <see cref="PipelineRun.Decision"/> says whether it was promoted.</summary>
    Succeeded,

    /// <summary>Every try failed; the champion was left in place.</summary>
    Failed,

    /// <summary>
    /// Stopped on request (the run was cancelled, its training job was cancelled, or its pipeline was deleted); no try
    /// follows and the champion was left in place. <see cref="PipelineRun.Error"/> says how it was cancelled.
    /// </summary>
    Cancelled,
}
