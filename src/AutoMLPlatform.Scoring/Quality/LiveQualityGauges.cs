using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Insight.Quality;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.PredictionLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Quality;

/// <summary>
/// <c>scoring_live_quality</c> (by tenant, model, version and metric) and <c>scoring_live_labelled_share</c> on
/// <c>/metrics</c>: every <see cref="PredictionLogOptions.QualityGaugeInterval"/>, each loaded version of a model that
/// logs is scored over its last <see cref="PredictionLogOptions.QualityGaugeWindow"/> of predictions with feedback.
/// The scrape reads the last snapshot (a gauge callback cannot wait for a database). Labels carry tenant ids, as the
/// drift series do, so the page stays the system admin's.
/// </summary>
internal sealed partial class LiveQualityGauges : BackgroundService
{
    private readonly ModelCache _cache;
    private readonly PredictionLogSwitchboard _switchboard;
    private readonly IPredictionLogStore _store;
    private readonly IOptions<ScoringOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveQualityGauges> _logger;
    private volatile IReadOnlyList<(ScoringModel Model, QualityWindow Quality)> _snapshot = [];

    public LiveQualityGauges(ModelCache cache, PredictionLogSwitchboard switchboard, IPredictionLogStore store, IOptions<ScoringOptions> options,
        TimeProvider time, IMeterFactory meters, ILogger<LiveQualityGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_cache, _switchboard, _store, _options, _time, _logger) = (cache, switchboard, store, options, time, logger);
        var meter = meters.Create(ScoringMetrics.MeterName);
        meter.CreateObservableGauge("scoring.live_quality", () => _snapshot.SelectMany(s => s.Quality.Metrics.Select(m => new Measurement<double>(m.Value,
            Tags(s.Model, m.Key)))), null, "Live metrics of each loaded version over its recent predictions with feedback, by metric.");
        meter.CreateObservableGauge("scoring.live_labelled_share", () => _snapshot.Select(s => new Measurement<double>(s.Quality.LabelledShare,
            Tags(s.Model, null))), null, "Share of each loaded version's recent logged predictions that have feedback.");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var enabled = _switchboard.Enabled.ToHashSet();
        var now = _time.GetUtcNow();
        var from = now - _options.Value.PredictionLog.QualityGaugeWindow;
        var next = new List<(ScoringModel, QualityWindow)>();
        foreach (var model in _cache.Loaded.Where(m => enabled.Contains((m.Version.TenantId, m.Version.ModelName))))
        {
            var rows = await _store.ReadAsync(model.Version.TenantId, model.Version.ModelName, model.Version.Version, from, now, cancellationToken)
                .ConfigureAwait(false);
            next.Add((model, QualityCalculator.Compute(model.Version, rows, from, now)));
        }

        _snapshot = next;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.PredictionLog.QualityGaugeInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException ex)
                {
                    LogRefreshFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static KeyValuePair<string, object?>[] Tags(ScoringModel model, string? metric)
    {
        KeyValuePair<string, object?>[] tags =
        [
            new("tenant", model.Version.TenantId.ToString()),
            new("model", model.Version.ModelName),
            new("version", model.Version.Version),
        ];
        return metric is null ? tags : [.. tags, new("metric", metric)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not recompute the live-quality gauges; the previous values stay")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
