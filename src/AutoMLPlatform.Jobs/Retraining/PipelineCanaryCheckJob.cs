using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The Hangfire recurring job of a pipeline's canary trigger: when the pipeline's alias carries a canary, scores the
/// canary and the champion on the trigger's live metric over their own logged predictions of the window that have
/// feedback (the computation of <c>GET …/versions/{v}/quality</c>), and when both have enough of them and the canary
/// wins by the margin, promotes it (<see cref="IModelRegistry.PromoteCanaryAsync"/>, audited as <c>model.canary-promote</c>)
/// and records a finished run with trigger <c>canary</c> whose decision holds both live scores. No training happens.
/// </summary>
public sealed partial class PipelineCanaryCheckJob(IPipelineStore store, IModelRegistry registry, LiveQualityReader live, IAuditLog audit,
    TimeProvider time, ILogger<PipelineCanaryCheckJob> logger)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Canary check of pipeline {1}")]
    public async Task<PipelineRun?> CheckAsync(Guid tenantId, string pipeline, CancellationToken cancellationToken)
    {
        var tenant = TenantId.FromGuid(tenantId);
        if (await live.FindTriggerAsync(tenant, pipeline, s => s.CanaryTrigger, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var (definition, rule) = found;

        var target = await registry.FindAliasAsync(tenant, definition.ModelName, definition.Alias, cancellationToken).ConfigureAwait(false);
        if (target?.Split.CanaryVersion is not { } canaryNumber
            || await registry.FindVersionAsync(tenant, definition.ModelName, target.Version, cancellationToken).ConfigureAwait(false) is not { } champion
            || await registry.FindVersionAsync(tenant, definition.ModelName, canaryNumber, cancellationToken).ConfigureAwait(false) is not { } canary)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var metric = Metrics.NameOf(rule.Metric);
        var championQuality = await live.ReadAsync(tenant, champion, rule.Window, now, cancellationToken).ConfigureAwait(false);
        var canaryQuality = await live.ReadAsync(tenant, canary, rule.Window, now, cancellationToken).ConfigureAwait(false);
        if (LiveQualityReader.Score(championQuality, metric, rule.MinLabelled) is not { } championScore
            || LiveQualityReader.Score(canaryQuality, metric, rule.MinLabelled) is not { } canaryScore
            || !rule.CanaryWins(canaryScore, championScore))
        {
            return null;
        }

        var run = PipelineRun.Create(tenant, definition, RunTrigger.Canary, now);
        if (!await store.TryCreateRunAsync(run, cancellationToken).ConfigureAwait(false))
        {
            LogSkipped(pipeline, canary.Version, metric, canaryScore, championScore);
            return null;
        }

        run = run.Start(now);
        await store.TryUpdateRunAsync(run, PipelineRunStatus.Queued, 0, cancellationToken).ConfigureAwait(false);
        var improvement = rule.Improvement(canaryScore, championScore);
        var reason = FormattableString.Invariant(
            $"canary version {canary.Version} had live {metric} {canaryScore:0.####} over {canaryQuality.Labelled} labelled predictions against version {champion.Version}'s {championScore:0.####} over {championQuality.Labelled}: better by {improvement:0.####}, more than {rule.MinImprovement}");
        try
        {
            // Decided: the intent first, so a process that ends between the move and the entry still leaves the move on record.
            var promotion = new AuditRecord(now, tenant, KeyId: null, "model.canary-promote",
                $"name={definition.ModelName} alias={definition.Alias} version={canary.Version} pipeline={pipeline} run={run.Id}", "success");
            var intent = await audit.BeginAsync(promotion, CancellationToken.None).ConfigureAwait(false);
            await registry.PromoteCanaryAsync(tenant, definition.ModelName, definition.Alias, CancellationToken.None).ConfigureAwait(false);
            await audit.CompleteAsync(intent, promotion, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = run.GiveUp(time.GetUtcNow(), $"Promoting canary version {canary.Version} failed: {ex.Message}");
            await store.TryUpdateRunAsync(failed, PipelineRunStatus.Running, run.Attempt, CancellationToken.None).ConfigureAwait(false);
            return failed;
        }

        var decision = new PromotionDecision(PromotionOutcome.Promoted, reason, definition.ModelName, definition.Alias, rule.Metric, 0, canaryQuality.Labelled,
            new ScoredVersion(canary.Version, canaryScore, canary.Lineage.DatasetVersion),
            new ScoredVersion(champion.Version, championScore, champion.Lineage.DatasetVersion), improvement, rule.MinImprovement, ImprovementKind.Absolute);
        var succeeded = run.Succeed(time.GetUtcNow(), decision);
        await store.TryUpdateRunAsync(succeeded, PipelineRunStatus.Running, run.Attempt, CancellationToken.None).ConfigureAwait(false);
        LogPromoted(pipeline, run.Id, reason);
        return succeeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline {Pipeline} promoted its canary in run {RunId}: {Reason}")]
    private partial void LogPromoted(string pipeline, PipelineRunId runId, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pipeline {Pipeline}'s canary version {Version} wins live ({Metric} {Canary} against {Champion}) but a run is under way; not promoted now")]
    private partial void LogSkipped(string pipeline, int version, string metric, double canary, double champion);
}
