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
/// loses its lease and stops, rather than finishing twice. And a queued row that the queue has held no delivery for
/// since <see cref="LostDeliveryGrace"/> is handed to it again: its delivery was lost while this process ran, and
/// without this it would wait for the next worker start.
/// </summary>
/// <typeparam name="TRow">The rows recovered.</typeparam>
internal sealed class LeaseRecoveryService<TRow>(IRecoverableRows<TRow> rows, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<LeaseRecoveryService<TRow>> logger) : BackgroundService
    where TRow : class
{
    private readonly JobsOptions _options = options.Value;

    /// <summary>
    /// How long a queued row may show no delivery before it is handed over again. Between writing a row and enqueuing
    /// it the row is queued with no delivery to show, and the first enqueue of a freshly started process on a busy
    /// machine was seen to take over a second; this is well beyond that.
    /// </summary>
    internal static readonly TimeSpan LostDeliveryGrace = TimeSpan.FromSeconds(15);

    /// <summary>Queued rows the queue held no delivery for at the last sweep, with when that was first seen.</summary>
    private Dictionary<string, DateTimeOffset> _undelivered = [];

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
                await RedeliverLostAsync(stoppingToken).ConfigureAwait(false);
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

    /// <summary>
    /// One pass over the queued rows: a row that has had no delivery in the queue at every pass since
    /// <see cref="LostDeliveryGrace"/> ago is handed over again. A delivery handed over twice is harmless (the claim lets
    /// one of them run the row); the grace keeps that to deliveries that were really lost.
    /// </summary>
    internal async Task RedeliverLostAsync(CancellationToken cancellationToken)
    {
        var queued = await rows.ListQueuedAsync(cancellationToken).ConfigureAwait(false);
        if (queued.Count == 0)
        {
            _undelivered = [];
            return;
        }

        var now = time.GetUtcNow();
        var pending = await rows.ListPendingDeliveriesAsync(cancellationToken).ConfigureAwait(false);
        var undelivered = new Dictionary<string, DateTimeOffset>();
        foreach (var row in queued.Where(r => !pending.Contains(rows.IdOf(r))))
        {
            var id = rows.IdOf(row);
            var since = _undelivered.GetValueOrDefault(id, now);
            if (now - since < LostDeliveryGrace)
            {
                undelivered[id] = since;
                continue;
            }

            await rows.EnqueueAsync(row, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("The {Noun} {Id} is queued but the queue has held no delivery for it for {Missing:F0} s; handed to the queue again",
                rows.Noun, id, (now - since).TotalSeconds);
        }

        _undelivered = undelivered;
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
