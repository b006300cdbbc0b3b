using System.Diagnostics;
using System.Diagnostics.Metrics;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.Metrics;

/// <summary>
/// The scoring service's instruments (meter <see cref="MeterName"/>), exported at <c>/metrics</c> in Prometheus text:
/// <c>scoring_requests_total</c> and <c>scoring_request_duration_seconds</c> by model, protocol and status,
/// <c>scoring_rows_total</c> by model and protocol, <c>scoring_models_loaded</c> and <c>scoring_engines_created_total</c> by
/// model and version. Recording
/// costs two timestamps and two measurements with stack-allocated tags per request; nothing is allocated.
/// </summary>
internal sealed class ScoringMetrics
{
    public const string MeterName = "AutoMLPlatform.Scoring";

    /// <summary>Latency buckets in seconds, from 0.25 ms (a warm single row) to 10 s (a large batch).</summary>
    private static readonly double[] DurationBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly string[] ProtocolNames = ["json", "csv", "oip", "embeddings"];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rows;

    public ScoringMetrics(IMeterFactory meters, ModelCache cache)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("scoring.requests", "{request}", "Prediction requests by model, protocol and HTTP status.");
        _duration = meter.CreateHistogram("scoring.request.duration", "s", "Time in the prediction handler, from its start to the answer handed to the server.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _rows = meter.CreateCounter<long>("scoring.rows", "{row}", "Rows predicted by model and protocol.");
        meter.CreateObservableGauge("scoring.models.loaded", () => cache.Loaded.Select(m => new Measurement<int>(1,
            new KeyValuePair<string, object?>("model", m.Version.ModelName), new KeyValuePair<string, object?>("version", m.Version.Version))),
            "{model}", "Model versions loaded, by model and version.");
        meter.CreateObservableCounter("scoring.engines.created", () => cache.Loaded.Select(m => new Measurement<long>(m.EnginesCreated,
            new KeyValuePair<string, object?>("model", m.Version.ModelName), new KeyValuePair<string, object?>("version", m.Version.Version))),
            "{engine}", "Prediction engines created per loaded version: the pool size, plus one per burst beyond it.");
    }

    /// <summary>Records a request that ended with <paramref name="status"/>; <paramref name="model"/> is empty when it named no known model.</summary>
    public void Record(ScoringProtocol protocol, string model, int status, long startTimestamp, long rows)
    {
        var tags = new TagList
        {
            { "model", model },
            { "protocol", ProtocolNames[(int)protocol] },
            { "status", StatusText(status) },
        };
        _requests.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (rows > 0)
        {
            _rows.Add(rows, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("protocol", ProtocolNames[(int)protocol]));
        }
    }

    /// <summary>
    /// Records a request that failed with <paramref name="exception"/> and returns false, for use as an exception filter:
    /// the exception goes on to the problem-details handler untouched.
    /// </summary>
    public bool RecordFailure(ScoringProtocol protocol, string model, Exception exception, long startTimestamp)
    {
        Record(protocol, model, ErrorStatus.Of(exception), startTimestamp, 0);
        return false;
    }

    private static string StatusText(int status) => status switch
    {
        200 => "200",
        400 => "400",
        404 => "404",
        413 => "413",
        499 => "499",
        500 => "500",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
