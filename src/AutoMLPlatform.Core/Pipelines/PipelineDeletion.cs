namespace AutoMLPlatform.Core.Pipelines;

/// <summary>What deleting a pipeline did.</summary>
public enum PipelineDeletion
{
    Deleted,
    NotFound,

    /// <summary>Nothing was deleted: a run is queued or running.</summary>
    RunInProgress,
}
