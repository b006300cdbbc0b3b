using AutoMLPlatform.Insight.Drift;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>
/// Every model version's <see cref="DriftSink"/> and <see cref="DriftRecorder"/>, per tenant, kept apart from the model
/// cache so the counts outlive an unload and a reload of the version. The reference is built once per version, when
/// the version is first loaded or its drift first asked for, in the background and one version at a time: reading up
/// to <see cref="DriftReferenceBuilder.MaxRows"/> training rows must not hold up a cold model's first answer, and a
/// restart that loads many models at once must not read all their training data at once. Counts are flushed to the <see cref="IDriftStore"/> (by <see cref="DriftFlushService"/>),
/// and a report is the stored totals of every host plus this host's counts not flushed yet. Exports <c>scoring_drift_psi</c> (by tenant, model, version and column; the predictions as column <c>(prediction)</c>).
/// </summary>
public sealed partial class DriftMonitor : IDriftSummaries, IDisposable
{
    /// <summary>The column name under which the predictions' PSI is exported.</summary>
    public const string PredictionColumn = DriftReportBuilder.PredictionColumn;

    private readonly ConcurrentDictionary<Key, DriftSink> _sinks = new();
    private readonly SemaphoreSlim _builds = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
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
        var meter = meters.Create(ScoringMetrics.MeterName);
        meter.CreateObservableGauge("scoring.drift.psi", Observe, unit: null,
            "Population stability index of the scored rows against the training data, by model, version and column.");
        meter.CreateObservableCounter("scoring.drift.rows.skipped", ObserveSkipped, "{row}",
            "Rows scored while the version's drift reference was built, beyond the rows kept meanwhile: in the row total, not in the histograms.");
    }

    /// <summary>
    /// The version's sink, at once: its reference is built in the background on first use (rows scored meanwhile are
    /// kept, <see cref="DriftSink"/>). Null when drift is off.
    /// </summary>
    internal DriftSink? SinkFor(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!_options.Value.Drift.Enabled)
        {
            return null;
        }

        var key = Key.Of(version);
        if (_sinks.TryGetValue(key, out var known))
        {
            return known;
        }

        var created = new DriftSink();
        var sink = _sinks.GetOrAdd(key, created);
        if (ReferenceEquals(sink, created))
        {
            // Off the caller's thread: even the part of the build before its first wait must not delay the answer.
            _ = Task.Run(() => BuildAsync(key, version, created));
        }

        return sink;
    }

    /// <summary>The version's recorder once its reference is built; null when drift is off or the training data is unavailable.</summary>
    internal async Task<DriftRecorder?> RecorderForAsync(ModelVersion version, CancellationToken cancellationToken) =>
        SinkFor(version) is { } sink ? await sink.Ready.WaitAsync(cancellationToken).ConfigureAwait(false) : null;

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
    public async Task<DriftSummary?> SummarizeAsync(ModelVersion version, CancellationToken cancellationToken) =>
        DriftReportBuilder.Summarize(await ReportAsync(version, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Adds every version's counts since the last flush to the store and reads back the totals (other hosts' rows
    /// included, for the gauge). A version whose flush fails keeps its counts for the next flush; one that was deleted
    /// is dropped with them. Versions whose reference is still being built are flushed last, once it is, so the rows
    /// they kept meanwhile reach the store in this flush.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var building = _sinks.Where(pair => pair.Value.Recorder is null).ToArray();
        await FlushReadyAsync(_sinks, cancellationToken).ConfigureAwait(false);
        if (building.Length > 0)
        {
            await Task.WhenAll(building.Select(pair => pair.Value.Ready)).WaitAsync(cancellationToken).ConfigureAwait(false);
            await FlushReadyAsync(building, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last flush before the process stops: as <see cref="FlushAsync"/>, cut short without an error when the stop's time runs out.</summary>
    internal async Task FlushOnStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopCutFlushShort(_sinks.Count(pair => !pair.Value.Ready.IsCompleted));
        }
    }

    private async Task FlushReadyAsync(IEnumerable<KeyValuePair<Key, DriftSink>> sinks, CancellationToken cancellationToken)
    {
        foreach (var (key, sink) in sinks)
        {
            if (sink.Recorder is { } recorder)
            {
                await FlushVersionAsync(key, sink, recorder, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops reference builds in progress or waiting. Idempotent: a host may dispose it more than once
    /// (CI saw a test host's teardown fail on the second call's <c>Cancel</c> of the disposed source).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task FlushVersionAsync(Key key, DriftSink sink, DriftRecorder recorder, CancellationToken cancellationToken)
    {
        await recorder.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (sum, deltas) = recorder.Pending();
            if (deltas.Count > 0 && !await _store.AddAsync(key.Tenant, key.Name, key.Version, deltas, cancellationToken).ConfigureAwait(false))
            {
                _sinks.TryRemove(new KeyValuePair<Key, DriftSink>(key, sink));
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

    /// <summary>
    /// Builds the reference and completes the sink, whatever happens: a failure is logged here, once, and leaves the
    /// version unmonitored until it is loaded again (the entry is dropped so that load retries); it never reaches a
    /// prediction, which has long been answered.
    /// </summary>
    private async Task BuildAsync(Key key, ModelVersion version, DriftSink sink)
    {
        DriftRecorder? recorder = null;
        try
        {
            await _builds.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                var started = _time.GetTimestamp();
                var reference = await _builder.BuildAsync(version, _stopping.Token).ConfigureAwait(false);
                if (reference is null)
                {
                    LogNoReference(version.ModelName, version.Version);
                }
                else
                {
                    recorder = new DriftRecorder(reference, version.Inputs, _time, _options.Value.Drift.SampledRowsPerSecond);
                    LogReferenceBuilt(version.ModelName, version.Version, reference.TrainingRows, (long)_time.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            finally
            {
                _builds.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The process is stopping: nothing to monitor any more.
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while this build waited its turn.
        }
        catch (Exception ex)
        {
            // Drift is an add-on: whatever stops the build (unreadable training data, a store error) must not stop the model.
            LogReferenceFailed(ex, version.ModelName, version.Version);
        }
        finally
        {
            sink.Complete(recorder);
            if (recorder is null)
            {
                _sinks.TryRemove(new KeyValuePair<Key, DriftSink>(key, sink));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveSkipped() =>
        _sinks.Select(pair => new Measurement<long>(pair.Value.SkippedRows, new KeyValuePair<string, object?>("tenant", pair.Key.Tenant.Value.ToString()),
            new KeyValuePair<string, object?>("model", pair.Key.Name), new KeyValuePair<string, object?>("version", pair.Key.Version)));

    private IEnumerable<Measurement<double>> Observe()
    {
        foreach (var (key, sink) in _sinks)
        {
            if (sink.Recorder is not { } recorder)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host's time to stop ran out during the last drift flush ({Building} references still being built); counts not flushed are lost")]
    private partial void LogStopCutFlushShort(int building);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift reference of model {ModelName} version {Version} built from {TrainingRows} training rows in {ElapsedMs} ms")]
    private partial void LogReferenceBuilt(string modelName, int version, long trainingRows, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the drift reference of model {ModelName} version {Version} failed; its drift is not monitored until it is loaded again")]
    private partial void LogReferenceFailed(Exception exception, string modelName, int version);

    private readonly record struct Key(TenantId Tenant, string Name, int Version)
    {
        public static Key Of(ModelVersion version) => new(version.TenantId, version.ModelName, version.Version);
    }
}
