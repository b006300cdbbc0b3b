using AutoMLPlatform.Core.Feedback;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// Every <see cref="PredictionLogOptions.RetentionSweepInterval"/>, deletes logged rows (and their sealed input blocks)
/// older than their model's <c>retentionDays</c>. Any host may run it at once with others: deleting is idempotent.
/// </summary>
internal sealed partial class PredictionLogRetention(IPredictionLogStore store, IOptions<ScoringOptions> options, TimeProvider time,
    ILogger<PredictionLogRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PredictionLog.RetentionSweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var deleted = await store.DeleteExpiredAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    LogSwept(logger, deleted);
                }
                catch (System.Data.Common.DbException ex)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Prediction log retention deleted {Rows} rows")]
    private static partial void LogSwept(ILogger logger, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction log retention failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
