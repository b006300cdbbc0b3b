using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>How logged predictions leave the request path. Bound from <c>AutoMLPlatform:Scoring:PredictionLog</c>.</summary>
public sealed class PredictionLogOptions
{
    /// <summary>
    /// Most logged rows waiting for the writer. When it is full a row is not logged (its answer carries no
    /// <c>predictionId</c>) and <c>scoring_prediction_log_dropped_total</c> counts it; the prediction itself still answers.
    /// </summary>
    /// <value>Defaults to 100,000 (a few tens of MB at most for tabular rows).</value>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Most rows waiting for an alias's shadow version to score them. When it is full a row is not shadowed and
    /// <c>scoring_shadow_dropped_total</c> counts it; the answer is never held up.
    /// </summary>
    /// <value>Defaults to 10,000.</value>
    [Range(1, 1_000_000)]
    public int ShadowQueueCapacity { get; set; } = 10_000;

    /// <summary>Most rows one insert transaction writes.</summary>
    /// <value>Defaults to 2,000.</value>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// How long the writer lets rows gather after the first one arrives (unless a full batch is waiting already): fewer,
    /// larger transactions cost the host less CPU than one per handful of rows. Rows reach the store this much later.
    /// </summary>
    /// <value>Defaults to 200 milliseconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often each host rereads which models log (another host's change reaches this one within this time).</summary>
    /// <value>Defaults to 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SettingsRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the live-quality gauges on <c>/metrics</c> are recomputed (over the last <see cref="QualityGaugeWindow"/>).</summary>
    /// <value>Defaults to 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan QualityGaugeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The span of logged predictions the live-quality gauges cover, ending now.</summary>
    /// <value>Defaults to 1 day.</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan QualityGaugeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the retention sweep deletes rows older than their model's <c>retentionDays</c>.</summary>
    /// <value>Defaults to 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "7.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
