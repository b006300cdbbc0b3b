using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// Promote a canary that wins live: every <see cref="CheckEvery"/>, when the pipeline's alias carries a canary, both the
/// canary and the champion are scored on <see cref="Metric"/> over their logged predictions of the last
/// <see cref="Window"/> that have feedback; when each has at least <see cref="MinLabelled"/> of them and the canary is
/// better by more than <see cref="MinImprovement"/> (absolute, in the metric's direction), the canary becomes the
/// alias's version in one audited call, recorded as a pipeline run.
/// </summary>
/// <param name="Metric">The live metric compared.</param>
/// <param name="MinLabelled">Predictions with feedback each version needs in the window, 1 or more.</param>
/// <param name="MinImprovement">The margin the canary must beat the champion by, 0 or more (0: any strict improvement).</param>
/// <param name="Window">How far back the check looks.</param>
/// <param name="CheckEvery">How often the check runs; a whole number of minutes dividing an hour, or of hours dividing a day.</param>
public sealed record CanaryTrigger(MetricKind Metric, int MinLabelled, double MinImprovement, TimeSpan Window, TimeSpan CheckEvery)
{
    /// <summary>The canary's margin over the champion in the metric's direction (positive: the canary is better).</summary>
    public double Improvement(double canary, double champion) => Metrics.HigherIsBetter(Metric) ? canary - champion : champion - canary;

    /// <summary>True when the canary wins by more than the margin.</summary>
    public bool CanaryWins(double canary, double champion) => Improvement(canary, champion) > MinImprovement;
}
