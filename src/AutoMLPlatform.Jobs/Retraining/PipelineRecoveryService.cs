using AutoMLPlatform.Core.Pipelines;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// Makes sure no pipeline run stays active forever (an active run blocks its pipeline's next ones). At start, with a
/// volatile queue, every queued run is handed to the queue again; then, periodically, a running run whose heartbeat
/// is older than the lease timeout is queued again and resumes with the training job it had started.
/// </summary>
internal sealed partial class PipelineRecoveryService(IPipelineStore store, IPipelineRunQueue queue, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<PipelineRecoveryService> logger) : BackgroundService
{
    private readonly JobsOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.QueueIsVolatile)
        {
            foreach (var run in await store.ListRunsByStatusAsync(PipelineRunStatus.Queued, stoppingToken).ConfigureAwait(false))
            {
                await queue.EnqueueAsync(run.Id, stoppingToken).ConfigureAwait(false);
                LogEnqueuedAgain(run.Id, run.PipelineName);
            }
        }

        using var timer = new PeriodicTimer(_options.RecoverySweepInterval, time);
        do
        {
            try
            {
                await RequeueDeadRunsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting: a failed sweep must not stop the process (a dead background
                // service stops the host); the next tick tries again.
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task RequeueDeadRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var run in await store.ListRunsByStatusAsync(PipelineRunStatus.Running, cancellationToken).ConfigureAwait(false))
        {
            var lastSign = run.HeartbeatAt ?? run.StartedAt ?? run.CreatedAt;
            if (now - lastSign < _options.LeaseTimeout)
            {
                continue;
            }

            if (await store.TryUpdateRunAsync(run.Requeue(), PipelineRunStatus.Running, run.Attempt, cancellationToken).ConfigureAwait(false))
            {
                await queue.EnqueueAsync(run.Id, cancellationToken).ConfigureAwait(false);
                LogRequeued(run.Id, run.PipelineName, now - lastSign);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} of {Pipeline} was queued before the restart; handed to the queue again")]
    private partial void LogEnqueuedAgain(PipelineRunId runId, string pipeline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} of {Pipeline} sent no heartbeat for {Silence}; queued again")]
    private partial void LogRequeued(PipelineRunId runId, string pipeline, TimeSpan silence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The recovery sweep over pipeline runs failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
