using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// The Hangfire recurring job of a pipeline: when its cron fires, store a run (refused by the database if one is
/// still under way, so runs never overlap) and run it in this worker. A trigger that outlived its pipeline (deleted
/// with its tenant while another process held the schedule) removes itself instead of firing forever.
/// </summary>
public sealed partial class PipelineScheduleJob(PipelineTrigger trigger, IPipelineRunner runner, IPipelineScheduler scheduler, ILogger<PipelineScheduleJob> logger)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Scheduled run of pipeline {1}")]
    public async Task TriggerAsync(Guid tenantId, string pipeline, CancellationToken cancellationToken)
    {
        PipelineRun run;
        try
        {
            run = await trigger.StartAsync(TenantId.FromGuid(tenantId), pipeline, RunTrigger.Schedule, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineRunInProgressException ex)
        {
            LogSkipped(pipeline, ex.ActiveRun);
            return;
        }
        catch (PipelineNotFoundException)
        {
            await scheduler.UnscheduleAsync(TenantId.FromGuid(tenantId), pipeline, cancellationToken).ConfigureAwait(false);
            LogPipelineGone(pipeline);
            return;
        }

        await runner.RunAsync(run.Id, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline {Pipeline} is due but run {RunId} is still under way; this occurrence is skipped")]
    private partial void LogSkipped(string pipeline, PipelineRunId? runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline {Pipeline} is due but no longer exists; its schedule was removed")]
    private partial void LogPipelineGone(string pipeline);
}
