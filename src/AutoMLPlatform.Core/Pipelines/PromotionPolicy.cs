namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// How a pipeline decides: both models are scored on the same held-out rows of the newest dataset version (rows the
/// challenger was not trained on), and the challenger replaces the champion only if it is better by at least
/// <see cref="MinImprovement"/>. A tie never promotes.
/// </summary>
/// <param name="MinImprovement">The margin the challenger must win by, 0 or more.</param>
/// <param name="Improvement">Whether the margin is absolute or relative to the champion's score.</param>
/// <param name="HoldoutFraction">Share of the newest version's rows held out for the comparison.</param>
/// <param name="Retries">How many times a failed run is tried again before it is recorded as failed.</param>
/// <param name="RetryDelay">Wait before each retry.</param>
public sealed record PromotionPolicy(double MinImprovement, ImprovementKind Improvement, double HoldoutFraction, int Retries, TimeSpan RetryDelay)
{
    public const double DefaultMinImprovement = 0;
    public const double DefaultHoldoutFraction = 0.2;
    public const int DefaultRetries = 1;
    public const int MaxRetries = 10;
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The challenger's margin over the champion in this policy's units (positive when the challenger is better),
    /// whichever way the metric points.
    /// </summary>
    public double ImprovementOf(bool higherIsBetter, double challenger, double champion)
    {
        var gain = higherIsBetter ? challenger - champion : champion - challenger;
        return Improvement == ImprovementKind.Absolute
            ? gain
            : gain / Math.Max(Math.Abs(champion), 1e-12);
    }

    /// <summary>True when an improvement earns promotion: strictly better, and by at least the margin.</summary>
    public bool Promotes(double improvement) => improvement > 0 && improvement >= MinImprovement;
}
