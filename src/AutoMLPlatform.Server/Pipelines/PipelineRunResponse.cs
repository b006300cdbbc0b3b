using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Server.Pipelines;

/// <summary>One run of a pipeline: what started it (with the drifted column for a drift run, the degraded metric for a quality run), its status, its training jobs, and its promotion decision once it succeeded.</summary>
public sealed record PipelineRunResponse(
    PipelineRunId Id,
    string Pipeline,
    RunTrigger Trigger,
    PipelineRunStatus Status,
    int Attempt,
    int Failures,
    DatasetId? DatasetId,
    int? DatasetVersion,
    JobId? JobId,
    IReadOnlyList<JobId> JobIds,
    PromotionDecisionResponse? Decision,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DriftCause? Drift,
    QualityCause? Quality)
{
    public static PipelineRunResponse From(PipelineRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new PipelineRunResponse(run.Id, run.PipelineName, run.Trigger, run.Status, run.Attempt, run.Failures, run.DatasetId, run.DatasetVersion,
            run.JobId ?? (run.JobIds.Count > 0 ? run.JobIds[^1] : null), run.JobIds, run.Decision is null ? null : PromotionDecisionResponse.From(run.Decision),
            run.Error, run.CreatedAt, run.StartedAt, run.FinishedAt, run.Drift, run.Quality);
    }
}

/// <summary>A champion/challenger decision: both versions and scores on the same held-out rows, the margins, and why.</summary>
public sealed record PromotionDecisionResponse(
    bool Promoted,
    PromotionOutcome Outcome,
    string Reason,
    string Model,
    string Alias,
    string Metric,
    int DatasetVersion,
    int HoldoutRows,
    ScoredVersion Challenger,
    ScoredVersion? Champion,
    double? Improvement,
    double MinImprovement,
    ImprovementKind ImprovementKind)
{
    public static PromotionDecisionResponse From(PromotionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.Promoted, decision.Outcome, decision.Reason, decision.ModelName, decision.Alias, Metrics.NameOf(decision.Metric),
            decision.DatasetVersion, decision.HoldoutRows, decision.Challenger, decision.Champion, decision.Improvement, decision.MinImprovement,
            decision.ImprovementKind);
    }
}
