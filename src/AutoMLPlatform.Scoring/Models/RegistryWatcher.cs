using AutoMLPlatform.Core.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Polls the registry's revision number; when it changed, asks the cache to re-resolve aliases (hot reload).</summary>
internal sealed partial class RegistryWatcher(IModelRegistry registry, ModelCache cache, TimeProvider time, IOptions<ScoringOptions> options,
    ILogger<RegistryWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(options.Value.ReloadPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var revision = await registry.GetRevisionAsync(stoppingToken).ConfigureAwait(false);
                if (revision != seen)
                {
                    await cache.RefreshAliasesAsync(stoppingToken).ConfigureAwait(false);
                    seen = revision;
                }
                else
                {
                    cache.UnloadUnused();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The registry or an artifact is unreachable for now: keep serving the loaded versions and retry next tick.
                LogRefreshFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing model aliases failed; serving the loaded versions and retrying")]
    private partial void LogRefreshFailed(Exception exception);
}
