using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// Makes sure no recoverable row (job, pipeline run) stays queued or running forever. At start, every queued row is
/// handed to the queue again: a volatile queue (Hangfire.InMemory) forgot it with the last process, and on a durable one
/// its delivery may have been lost (a process killed between writing the row and enqueuing it, or a worker stopped while
/// the queue's storage was away). A row still in the queue is then delivered twice, which is harmless: the claim lets
/// one delivery run it and the other finds it running or ended. Then, periodically,
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
        var queuedHandedOver = false;
        using var timer = new PeriodicTimer(_options.RecoverySweepInterval, time);
        do
        {
            try
            {
                if (!queuedHandedOver)
                {
                    await HandOverQueuedAsync(stoppingToken).ConfigureAwait(false);
                    queuedHandedOver = true;
                }

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

    /// <summary>Hands every queued row to the queue again, once per start.</summary>
    private async Task HandOverQueuedAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await rows.ListQueuedAsync(cancellationToken).ConfigureAwait(false))
        {
            await rows.EnqueueAsync(row, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("The {Noun} {Id} is queued; handed to the queue again at start", rows.Noun, rows.IdOf(row));
        }
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
