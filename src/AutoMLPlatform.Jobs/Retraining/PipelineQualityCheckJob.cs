using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Insight.Quality;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The Hangfire recurring job of a pipeline's quality trigger: computes the live metric of the version the pipeline's
/// alias points at over its logged predictions of the trigger's window that have feedback (the same computation as
/// <c>GET …/versions/{v}/quality</c>), and starts a run when enough of them give a value past the threshold. As for
/// drift, a champion starts at most one quality run: a challenger that lost leaves the same champion, whose quality
/// does not recover by checking again.
/// </summary>
public sealed partial class PipelineQualityCheckJob(IPipelineStore store, IModelRegistry registry, IPredictionLogStore log, PipelineTrigger trigger,
    TimeProvider time, ILogger<PipelineQualityCheckJob> logger)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Quality check of pipeline {1}")]
    public async Task<PipelineRun?> CheckAsync(Guid tenantId, string pipeline, CancellationToken cancellationToken)
    {
        var tenant = TenantId.FromGuid(tenantId);
        var found = await store.FindAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false);
        if (found?.Definition.Schedule.QualityTrigger is not { } rule)
        {
            return null; // deleted, or its trigger removed, since the check was scheduled
        }

        var definition = found.Definition;
        var champion = await registry.ResolveAliasAsync(tenant, definition.ModelName, definition.Alias, cancellationToken).ConfigureAwait(false);
        if (champion is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var rows = await log.ReadAsync(tenant, definition.ModelName, champion.Version, now - rule.Window, now, cancellationToken).ConfigureAwait(false);
        var quality = QualityCalculator.Compute(champion, rows, now - rule.Window, now);
        var metric = Metrics.NameOf(rule.Metric);
        if (quality.Labelled < rule.MinLabelled || !quality.Metrics.TryGetValue(metric, out var value) || !rule.IsDegraded(value))
        {
            return null;
        }

        var runs = await store.ListRunsAsync(tenant, pipeline, 0, PipelineDriftCheckJob.RecentRuns, cancellationToken).ConfigureAwait(false);
        if (runs.Any(r => r.Quality?.ChampionVersion == champion.Version))
        {
            return null;
        }

        try
        {
            var cause = new QualityCause(metric, value, rule.Threshold, champion.Version, quality.Labelled);
            var run = await trigger.RunOnQualityAsync(tenant, pipeline, cause, cancellationToken).ConfigureAwait(false);
            LogStarted(pipeline, run.Id, metric, value, rule.Threshold, champion.Version, quality.Labelled);
            return run;
        }
        catch (PipelineRunInProgressException ex)
        {
            LogSkipped(pipeline, ex.ActiveRun, metric, value);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pipeline {Pipeline} started run {RunId}: live {Metric} of champion version {Version} is {Value} past {Threshold} over {Labelled} labelled predictions")]
    private partial void LogStarted(string pipeline, PipelineRunId runId, string metric, double value, double threshold, int version, int labelled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline {Pipeline}'s live {Metric} is {Value}, past its threshold, but run {RunId} is still under way; not started")]
    private partial void LogSkipped(string pipeline, PipelineRunId? runId, string metric, double value);
}
