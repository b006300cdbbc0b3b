namespace AutoMLPlatform.Core.Pipelines;

/// <summary>What started a pipeline run.</summary>
public enum RunTrigger
{
    /// <summary>The pipeline's cron schedule.</summary>
    Schedule,

    /// <summary>A call to <c>POST /api/pipelines/{name}/run</c>.</summary>
    Manual,

    /// <summary>The pipeline's drift trigger: the champion's scored rows drifted from its training data.</summary>
    Drift,

    /// <summary>The pipeline's quality trigger: the champion's live metric, over predictions with feedback, fell past its threshold.</summary>
    Quality,

    /// <summary>The pipeline's canary trigger: the alias's canary beat the champion live and was promoted (no training).</summary>
    Canary,
}
