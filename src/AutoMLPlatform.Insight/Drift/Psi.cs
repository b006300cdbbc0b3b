namespace AutoMLPlatform.Insight.Drift;

/// <summary>The population stability index of observed counts against expected shares.</summary>
public static class Psi
{
    /// <summary>
    /// Shares below this are raised to it, so an empty bin on either side adds a large but finite term instead of
    /// an infinite one (the usual convention; with 10 bins a bin emptied entirely adds about 0.1 × ln(1000) ≈ 0.7).
    /// </summary>
    public const double Epsilon = 1e-4;

    /// <summary>
    /// Σ (actual − expected) · ln(actual / expected) over the bins; null when nothing was observed. The actual shares
    /// are of the observed counts' own total, not of the rows scored, so sampled (weighted) counts work as they are.
    /// </summary>
    public static double? Of(IReadOnlyList<double> expected, IReadOnlyList<long> observed)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(observed);
        var total = observed.Sum();
        if (total == 0 || expected.Sum() <= 0)
        {
            return null;
        }

        var psi = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = Math.Max((double)observed[i] / total, Epsilon);
            var wanted = Math.Max(expected[i], Epsilon);
            psi += (actual - wanted) * Math.Log(actual / wanted);
        }

        return psi;
    }
}
