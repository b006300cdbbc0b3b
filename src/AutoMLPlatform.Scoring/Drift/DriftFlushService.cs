using AutoMLPlatform.Insight.Drift;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Flushes this host's drift counts to the store every <see cref="DriftOptions.FlushInterval"/> and once more when the
/// host stops gracefully (after the references still being built, so rows scored meanwhile are kept). A crash loses
/// the counts of at most the last interval.
/// </summary>
internal sealed class DriftFlushService(DriftMonitor monitor, IOptions<ScoringOptions> options, TimeProvider time) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.Drift.Enabled)
        {
            await monitor.FlushOnStopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Drift.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Drift.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await monitor.FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes once more.
        }
    }
}
