using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Every model version's <see cref="DriftRecorder"/>, per tenant, kept apart from the model cache so the counts outlive an
/// unload and a reload of the version. The reference is built once per version, when the version is first loaded or
/// its drift first asked for. Counts are flushed to the <see cref="IDriftStore"/> (by <see cref="DriftFlushService"/>),
/// and a report is the stored totals of every host plus this host's counts not flushed yet. Exports <c>scoring_drift_psi</c> (by tenant, model, version and column; the predictions as column <c>(prediction)</c>).
/// </summary>
public sealed partial class DriftMonitor : IDriftSummaries
{
    /// <summary>The column name under which the predictions' PSI is exported.</summary>
    public const string PredictionColumn = "(prediction)";

    private readonly ConcurrentDictionary<Key, Lazy<Task<DriftRecorder?>>> _recorders = new();
    private readonly DriftReferenceBuilder _builder;
    private readonly IDriftStore _store;
    private readonly IOptions<ScoringOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DriftMonitor> _logger;

    public DriftMonitor(IDatasetStore datasets, Core.Blobs.IBlobStore blobs, IDriftStore store, IMeterFactory meters, IOptions<ScoringOptions> options,
        TimeProvider time, ILogger<DriftMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _builder = new DriftReferenceBuilder(datasets, blobs);
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;

        // The factory hands back the scoring meter itself, so the gauge is exported with the other scoring instruments.
        meters.Create(ScoringMetrics.MeterName).CreateObservableGauge("scoring.drift.psi", Observe, unit: null,
            "Population stability index of the scored rows against the training data, by model, version and column.");
    }

    /// <summary>The version's recorder, building its reference on first use; null when drift is off or training data is unavailable.</summary>
    internal async Task<DriftRecorder?> RecorderForAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!_options.Value.Drift.Enabled)
        {
            return null;
        }

        var key = Key.Of(version);
        var lazy = _recorders.GetOrAdd(key, _ => new Lazy<Task<DriftRecorder?>>(() => BuildAsync(version)));
        var recorder = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (recorder is null)
        {
            // Not kept: training data that could not be read now may be readable at the next load.
            _recorders.TryRemove(new KeyValuePair<Key, Lazy<Task<DriftRecorder?>>>(key, lazy));
        }

        return recorder;
    }

    /// <summary>The version's recorder if it has one ready; null when the version has not been loaded since start-up.</summary>
    internal DriftRecorder? Find(ModelVersion version) =>
        _recorders.TryGetValue(Key.Of(version), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result : null;

    /// <summary>The version's drift over every host: the stored totals, read now, plus this host's counts not flushed yet.</summary>
    public async Task<DriftReport> ReportAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var recorder = await RecorderForAsync(version, cancellationToken).ConfigureAwait(false);
        if (recorder is null)
        {
            return DriftReportBuilder.Build(version.ModelName, version.Version, version.Inputs, null, null);
        }

        await recorder.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            recorder.SetStored(await _store.ReadAsync(version.TenantId, version.ModelName, version.Version, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            recorder.Gate.Release();
        }

        return DriftReportBuilder.Build(version.ModelName, version.Version, version.Inputs, recorder.Reference, recorder.Current);
    }

    /// <inheritdoc />
    public async Task<DriftSummary?> SummarizeAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(version, cancellationToken).ConfigureAwait(false);
        return report.Monitored
            ? new DriftSummary(report.Rows, report.Columns.Where(c => c.Psi is not null).ToDictionary(c => c.Name, c => c.Psi!.Value, StringComparer.Ordinal))
            : null;
    }

    /// <summary>
    /// Adds every version's counts since the last flush to the store and reads back the totals (other hosts' rows
    /// included, for the gauge). A version whose flush fails keeps its counts for the next flush; one that was deleted
    /// is dropped with them.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, lazy) in _recorders)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result is { } recorder)
            {
                await FlushAsync(key, lazy, recorder, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FlushAsync(Key key, Lazy<Task<DriftRecorder?>> lazy, DriftRecorder recorder, CancellationToken cancellationToken)
    {
        await recorder.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (sum, deltas) = recorder.Pending();
            if (deltas.Count > 0 && !await _store.AddAsync(key.Tenant, key.Name, key.Version, deltas, cancellationToken).ConfigureAwait(false))
            {
                _recorders.TryRemove(new KeyValuePair<Key, Lazy<Task<DriftRecorder?>>>(key, lazy));
                return;
            }

            recorder.MarkFlushed(sum);
            recorder.SetStored(await _store.ReadAsync(key.Tenant, key.Name, key.Version, cancellationToken).ConfigureAwait(false));
        }
        catch (DbException ex)
        {
            LogFlushFailed(ex, key.Name, key.Version);
        }
        finally
        {
            recorder.Gate.Release();
        }
    }

    private async Task<DriftRecorder?> BuildAsync(ModelVersion version)
    {
        try
        {
            // Not tied to the first caller's token: a second load of the version waits on the same build.
            var reference = await _builder.BuildAsync(version, CancellationToken.None).ConfigureAwait(false);
            if (reference is null)
            {
                LogNoReference(version.ModelName, version.Version);
                return null;
            }

            return new DriftRecorder(reference, version.Inputs, _time, _options.Value.Drift.SampledRowsPerSecond);
        }
        catch (Exception ex) when (ex is IOException or AutoMLPlatformException)
        {
            // Drift is an add-on: unreadable training data must not stop the model from serving.
            LogReferenceFailed(ex, version.ModelName, version.Version);
            return null;
        }
    }

    private IEnumerable<Measurement<double>> Observe()
    {
        foreach (var (key, lazy) in _recorders)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result is not { } recorder)
            {
                continue;
            }

            var counts = recorder.Current;
            foreach (var column in DriftReportBuilder.Build(key.Name, key.Version, recorder.Inputs, recorder.Reference, counts).Columns.Where(c => c.Psi is not null))
            {
                yield return Measure(key, column.Name, column.Psi!.Value);
            }

            if (DriftReportBuilder.PredictionPsi(recorder.Reference, counts) is { } psi)
            {
                yield return Measure(key, PredictionColumn, psi);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing the drift counts of model {ModelName} version {Version} failed; they are kept for the next flush")]
    private partial void LogFlushFailed(Exception exception, string modelName, int version);

    private static Measurement<double> Measure(Key key, string column, double psi) => new(psi,
        new KeyValuePair<string, object?>("tenant", key.Tenant.Value.ToString()), new KeyValuePair<string, object?>("model", key.Name),
        new KeyValuePair<string, object?>("version", key.Version), new KeyValuePair<string, object?>("column", column));

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelName} version {Version} has no readable training data; its drift is not monitored")]
    private partial void LogNoReference(string modelName, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the training data of model {ModelName} version {Version} for drift failed; its drift is not monitored")]
    private partial void LogReferenceFailed(Exception exception, string modelName, int version);

    private readonly record struct Key(TenantId Tenant, string Name, int Version)
    {
        public static Key Of(ModelVersion version) => new(version.TenantId, version.ModelName, version.Version);
    }
}
