using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// Makes sure no recoverable row (job, pipeline run) stays queued or running forever. At start, with a volatile queue
/// (Hangfire.InMemory forgets everything on restart), every queued row is handed to the queue again. Then, periodically,
/// a running row whose heartbeat is older than the lease timeout is presumed dead (its process was killed) and queued
/// again, or failed with the reason when it used up its attempts; the compare-and-set means a worker that was only slow
/// loses its lease and stops, rather than finishing twice.
/// </summary>
/// <typeparam name="TRow">The rows recovered.</typeparam>
internal sealed class LeaseRecoveryService<TRow>(IRecoverableRows<TRow> rows, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<LeaseRecoveryService<TRow>> logger) : BackgroundService
    where TRow : class
{
    private readonly JobsOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.QueueIsVolatile)
        {
            foreach (var row in await rows.ListQueuedAsync(stoppingToken).ConfigureAwait(false))
            {
                await rows.EnqueueAsync(row, stoppingToken).ConfigureAwait(false);
                logger.LogInformation("The {Noun} {Id} was queued before the restart; handed to the queue again", rows.Noun, rows.IdOf(row));
            }
        }

        using var timer = new PeriodicTimer(_options.RecoverySweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting: a failed sweep must not stop the process (a dead background
                // service stops the host); the next tick tries again.
                logger.LogWarning("The recovery sweep over {Noun}s failed ({Error}); trying again at the next tick", rows.Noun, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass: requeues (or gives up on) every running row whose worker went silent.</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var row in await rows.ListRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            var lastSign = rows.LastSignOf(row);
            if (!LeaseExpiry.IsExpired(lastSign, now, _options.LeaseTimeout))
            {
                continue;
            }

            var attempt = rows.AttemptOf(row);
            var silence = now - lastSign;
            if (attempt >= _options.MaxAttempts)
            {
                var reason = LeaseClaim.AttemptsUsedUp(rows.Noun, attempt,
                    $"the last one's worker sent no heartbeat for {silence.TotalSeconds:F0} s (it died, perhaps on this very {rows.Noun})");
                if (await rows.TryWriteAsync(rows.GiveUp(row, now, reason), row, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogWarning("The {Noun} {Id} attempt {Attempt} sent no heartbeat for {Silence}; its attempts are used up, so it failed",
                        rows.Noun, rows.IdOf(row), attempt, silence);
                }

                continue;
            }

            if (await rows.TryWriteAsync(rows.Requeue(row), row, cancellationToken).ConfigureAwait(false))
            {
                await rows.EnqueueAsync(row, cancellationToken).ConfigureAwait(false);
                logger.LogWarning("The {Noun} {Id} attempt {Attempt} sent no heartbeat for {Silence}; queued again", rows.Noun, rows.IdOf(row), attempt, silence);
            }
        }
    }
}
