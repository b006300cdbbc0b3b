using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// Retrain when live quality drops: every <see cref="CheckEvery"/>, the champion's <see cref="Metric"/> is computed over
/// its logged predictions of the last <see cref="Window"/> that have feedback, and a run starts when at least
/// <see cref="MinLabelled"/> of them give a value worse than <see cref="Threshold"/> (below it for a score such as
/// accuracy, above it for an error such as RMSE). One quality run per champion version, as for drift.
/// </summary>
/// <param name="Metric">The live metric watched (its direction is <see cref="Metrics.HigherIsBetter"/>).</param>
/// <param name="Threshold">The value past which the champion counts as degraded.</param>
/// <param name="MinLabelled">Predictions with feedback needed before the metric is trusted, 1 or more.</param>
/// <param name="Window">How far back the check looks.</param>
/// <param name="CheckEvery">How often the check runs; a whole number of minutes dividing an hour, or of hours dividing a day.</param>
public sealed record QualityTrigger(MetricKind Metric, double Threshold, int MinLabelled, TimeSpan Window, TimeSpan CheckEvery)
{
    public const int DefaultMinLabelled = 100;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromMinutes(15);

    /// <summary>True when <paramref name="value"/> is worse than the threshold in the metric's direction.</summary>
    public bool IsDegraded(double value) => Metrics.IsBetter(Metric, Threshold, value);
}
