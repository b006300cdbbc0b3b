using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The Hangfire recurring job of a pipeline's drift trigger: reads the stored drift of the version the pipeline's
/// alias points at, and starts a run (queued like <c>POST …/run</c>) when an input column's PSI exceeds the trigger's
/// threshold over enough scored rows. A champion starts at most one drift run: its drift does not go away by
/// retraining (a challenger that lost leaves the same champion scoring the same rows), so checking again would start
/// a run every interval.
/// </summary>
public sealed partial class PipelineDriftCheckJob(IPipelineStore store, IModelRegistry registry, IDriftSummaries drift, PipelineTrigger trigger,
    ILogger<PipelineDriftCheckJob> logger)
{
    /// <summary>How many of the newest runs are searched for an earlier drift run on the same champion.</summary>
    public const int RecentRuns = 50;

    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Drift check of pipeline {1}")]
    public async Task<PipelineRun?> CheckAsync(Guid tenantId, string pipeline, CancellationToken cancellationToken)
    {
        var tenant = TenantId.FromGuid(tenantId);
        var found = await store.FindAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false);
        if (found?.Definition.Schedule.DriftTrigger is not { } rule)
        {
            return null; // deleted, or its trigger removed, since the check was scheduled
        }

        var definition = found.Definition;
        var champion = await registry.ResolveAliasAsync(tenant, definition.ModelName, definition.Alias, cancellationToken).ConfigureAwait(false);
        if (champion is null || await drift.SummarizeAsync(champion, cancellationToken).ConfigureAwait(false) is not { } summary
            || summary.Rows < rule.MinRows || summary.InputPsi.Count == 0)
        {
            return null;
        }

        var (column, psi) = summary.InputPsi.MaxBy(c => c.Value);
        if (psi <= rule.MaxPsi)
        {
            return null;
        }

        var runs = await store.ListRunsAsync(tenant, pipeline, 0, RecentRuns, cancellationToken).ConfigureAwait(false);
        if (runs.Any(r => r.Drift?.ChampionVersion == champion.Version))
        {
            return null;
        }

        try
        {
            var run = await trigger.RunOnDriftAsync(tenant, pipeline, new DriftCause(column, psi, rule.MaxPsi, champion.Version, summary.Rows), cancellationToken)
                .ConfigureAwait(false);
            LogStarted(pipeline, run.Id, column, psi, champion.Version);
            return run;
        }
        catch (PipelineRunInProgressException ex)
        {
            LogSkipped(pipeline, ex.ActiveRun, column, psi);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline {Pipeline} started run {RunId}: column {Column} of champion version {Version} drifted to PSI {Psi}")]
    private partial void LogStarted(string pipeline, PipelineRunId runId, string column, double psi, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline {Pipeline} drifted (column {Column}, PSI {Psi}) but run {RunId} is still under way; not started")]
    private partial void LogSkipped(string pipeline, PipelineRunId? runId, string column, double psi);
}
