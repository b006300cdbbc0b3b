using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Twice every <see cref="SecurityOptions.DataKeyRecheckInterval"/>, drops from this process's <see cref="TenantKeyRing"/> the
/// keys of tenants deleted meanwhile (by any process), so a deleted tenant's key does not stay in memory until its next
/// use, and confirms the others (so requests rarely wait for the store). Runs in every role: api, worker and scoring
/// processes all hold keys.
/// </summary>
internal sealed partial class TenantKeySweep(TenantKeyRing keys, TimeProvider time, IOptions<SecurityOptions> options, ILogger<TenantKeySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DataKeyRecheckInterval / 2, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                foreach (var tenant in await keys.ForgetDeletedAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogForgotten(tenant.ToString());
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is away (a restart): the keys are checked again at the next tick, and on their next use.
                LogSweepFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot the data key of deleted tenant {Tenant}")]
    private partial void LogForgotten(string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking held data keys against deleted tenants failed ({Error}); trying again at the next tick")]
    private partial void LogSweepFailed(string error);
}
