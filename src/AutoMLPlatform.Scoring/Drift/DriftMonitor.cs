using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Every model version's <see cref="DriftRecorder"/>, per tenant, kept apart from the model cache so the counts outlive an
/// unload and a reload of the version. The reference is built once per version, when the version is first loaded.
/// Exports <c>scoring_drift_psi</c> (by tenant, model, version and column; the predictions as column <c>(prediction)</c>).
/// </summary>
public sealed partial class DriftMonitor
{
    /// <summary>The column name under which the predictions' PSI is exported.</summary>
    public const string PredictionColumn = "(prediction)";

    private readonly ConcurrentDictionary<Key, Lazy<Task<DriftRecorder?>>> _recorders = new();
    private readonly DriftReferenceBuilder _builder;
    private readonly IOptions<ScoringOptions> _options;
    private readonly ILogger<DriftMonitor> _logger;

    public DriftMonitor(IDatasetStore datasets, Core.Blobs.IBlobStore blobs, IMeterFactory meters, IOptions<ScoringOptions> options, ILogger<DriftMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _builder = new DriftReferenceBuilder(datasets, blobs);
        _options = options;
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

            return new DriftRecorder(reference, version.Inputs);
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

            foreach (var column in DriftReportBuilder.Build(key.Name, key.Version, recorder.Inputs, recorder).Columns.Where(c => c.Psi is not null))
            {
                yield return Measure(key, column.Name, column.Psi!.Value);
            }

            if (DriftReportBuilder.PredictionPsi(recorder) is { } psi)
            {
                yield return Measure(key, PredictionColumn, psi);
            }
        }
    }

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
