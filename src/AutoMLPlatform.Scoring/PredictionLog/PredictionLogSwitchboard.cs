using System.Collections.Frozen;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// Which models log, as this host knows it: a frozen snapshot read by requests without a lock, replaced every
/// <see cref="PredictionLogOptions.SettingsRefreshInterval"/> from the store (so every scoring process follows a change)
/// and at once in the process that made the change. With no model logging, a request's check is one count read.
/// </summary>
internal sealed partial class PredictionLogSwitchboard(IPredictionLogStore store, IOptions<ScoringOptions> options, TimeProvider time,
    ILogger<PredictionLogSwitchboard> logger) : BackgroundService
{
    private volatile FrozenDictionary<(TenantId, string), PredictionLogSettings> _enabled = FrozenDictionary<(TenantId, string), PredictionLogSettings>.Empty;
    private readonly Lock _writing = new();

    /// <summary>The model's settings when it logs; null when it does not.</summary>
    public PredictionLogSettings? Find(TenantId tenant, string modelName)
    {
        var enabled = _enabled;
        return enabled.Count != 0 && enabled.TryGetValue((tenant, modelName), out var settings) ? settings : null;
    }

    /// <summary>The models that log now.</summary>
    public IReadOnlyList<(TenantId Tenant, string ModelName)> Enabled => _enabled.Keys;

    /// <summary>Takes a change made in this process into effect now, before the next refresh.</summary>
    public void Apply(TenantId tenant, string modelName, PredictionLogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_writing)
        {
            var next = new Dictionary<(TenantId, string), PredictionLogSettings>(_enabled);
            if (settings.Enabled)
            {
                next[(tenant, modelName)] = settings;
            }
            else
            {
                next.Remove((tenant, modelName));
            }

            _enabled = next.ToFrozenDictionary();
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ListEnabledAsync(cancellationToken).ConfigureAwait(false);
        lock (_writing)
        {
            _enabled = rows.ToFrozenDictionary(r => (r.Tenant, r.ModelName), r => r.Settings);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PredictionLog.SettingsRefreshInterval, time);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException ex)
                {
                    // The store is away for a moment: keep the last snapshot and try again at the next tick.
                    LogRefreshFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reread the prediction log settings; the previous ones stay in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
