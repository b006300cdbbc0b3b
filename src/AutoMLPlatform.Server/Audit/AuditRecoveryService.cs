using AutoMLPlatform.Core.Audit;

namespace AutoMLPlatform.Server.Audit;

/// <summary>
/// Appends the audited actions whose process ended between their start and their entry (their intents), with an
/// unknown outcome, once they are older than <see cref="Grace"/>: longer than any request runs, so no intent of a
/// live request is taken. Runs at start and every <see cref="Interval"/>, in the processes that serve the API.
/// </summary>
internal sealed partial class AuditRecoveryService(IAuditLog audit, TimeProvider time, ILogger<AuditRecoveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                var recovered = await audit.RecoverAsync(time.GetUtcNow() - Grace, stoppingToken).ConfigureAwait(false);
                if (recovered > 0)
                {
                    LogRecovered(recovered);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex.Message);
            }
        }
        while (await WaitAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded {Count} audited actions whose outcome was never recorded (their process ended first)")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering unrecorded audited actions failed ({Error}); trying again at the next tick")]
    private partial void LogFailed(string error);
}
