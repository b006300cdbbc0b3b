using System.Data.Common;
using System.Linq.Expressions;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>
/// Hands a stored row's work to Hangfire, waiting out a storage outage. Every caller has already written the row as
/// queued, and nothing else delivers a queued row on a durable queue: an enqueue that failed once would leave the row
/// queued forever. Right after a PostgreSQL restart Hangfire's own pooled connections are dead while ours already
/// reconnected, so this is the common case of a restart, not a rare one. Delivering twice is harmless (the claim's
/// compare-and-set lets one delivery run the row); not delivering loses the work.
/// </summary>
internal sealed partial class HangfireDelivery(IBackgroundJobClient client, TimeProvider time, ILogger<HangfireDelivery> logger)
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>Enqueues <paramref name="call"/> on <paramref name="queue"/>, trying again until it lands or <paramref name="cancellationToken"/> fires.</summary>
    public async Task EnqueueAsync<TJob>(string queue, Expression<Func<TJob, Task>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                client.Enqueue(queue, call);
                return;
            }
            catch (Exception ex) when (ex is BackgroundJobClientException or DbException)
            {
                var delay = Backoff[Math.Min(attempt, Backoff.Length - 1)];
                LogStorageAway(typeof(TJob).Name, attempt + 1, delay, ex.GetBaseException().Message);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing a {Job} to the queue failed (try {Try}; the job store may be restarting); trying again in {Delay}: {Error}")]
    private partial void LogStorageAway(string job, int @try, TimeSpan delay, string error);
}
