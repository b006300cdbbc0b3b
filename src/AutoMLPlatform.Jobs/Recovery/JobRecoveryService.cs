using AutoMLPlatform.Core.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Recovery;

/// <summary>
/// Makes sure no job stays queued or running forever. At start, with a volatile queue (Hangfire.InMemory forgets
/// everything on restart), every queued job is handed to the queue again. Then, periodically, a running job whose
/// heartbeat is older than the lease timeout is presumed dead (its process was killed) and queued again; the
/// compare-and-set means a worker that was only slow loses its lease and stops, rather than finishing twice.
/// </summary>
internal sealed partial class JobRecoveryService(IJobStore store, IJobQueue queue, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<JobRecoveryService> logger) : BackgroundService
{
    private readonly JobsOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.QueueIsVolatile)
        {
            foreach (var job in await store.ListByStatusAsync(JobStatus.Queued, stoppingToken).ConfigureAwait(false))
            {
                await queue.EnqueueAsync(job.Id, stoppingToken).ConfigureAwait(false);
                LogEnqueuedAgain(job.Id);
            }
        }

        using var timer = new PeriodicTimer(_options.RecoverySweepInterval, time);
        do
        {
            try
            {
                await RequeueDeadJobsAsync(stoppingToken).ConfigureAwait(false);
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

    internal async Task RequeueDeadJobsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var job in await store.ListByStatusAsync(JobStatus.Running, cancellationToken).ConfigureAwait(false))
        {
            var lastSign = job.HeartbeatAt ?? job.StartedAt ?? job.CreatedAt;
            if (now - lastSign < _options.LeaseTimeout)
            {
                continue;
            }

            if (await store.TryUpdateAsync(job.Requeue(), JobStatus.Running, job.Attempt, cancellationToken).ConfigureAwait(false))
            {
                await queue.EnqueueAsync(job.Id, cancellationToken).ConfigureAwait(false);
                LogRequeued(job.Id, job.Attempt, now - lastSign);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was queued before the restart; handed to the queue again")]
    private partial void LogEnqueuedAgain(JobId jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} sent no heartbeat for {Silence}; queued again")]
    private partial void LogRequeued(JobId jobId, int attempt, TimeSpan silence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The recovery sweep over jobs failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
