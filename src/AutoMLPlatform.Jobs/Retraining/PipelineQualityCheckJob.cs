using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
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
public sealed partial class PipelineQualityCheckJob(IPipelineStore store, IModelRegistry registry, LiveQualityReader live, PipelineTrigger trigger,
    TimeProvider time, ILogger<PipelineQualityCheckJob> logger)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Quality check of pipeline {1}")]
    public async Task<PipelineRun?> CheckAsync(Guid tenantId, string pipeline, CancellationToken cancellationToken)
    {
        var tenant = TenantId.FromGuid(tenantId);
        if (await live.FindTriggerAsync(tenant, pipeline, s => s.QualityTrigger, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var (definition, rule) = found;

        var champion = await registry.ResolveAliasAsync(tenant, definition.ModelName, definition.Alias, cancellationToken).ConfigureAwait(false);
        if (champion is null)
        {
            return null;
        }

        var quality = await live.ReadAsync(tenant, champion, rule.Window, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var metric = Metrics.NameOf(rule.Metric);
        if (LiveQualityReader.Score(quality, metric, rule.MinLabelled) is not { } value || !rule.IsDegraded(value))
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
