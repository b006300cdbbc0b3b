using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>Drift monitoring of scored rows. Bound from <c>AutoMLPlatform:Scoring:Drift</c>.</summary>
public sealed class DriftOptions
{
    /// <summary>The configuration section: the scoring hosts' (as part of their options) and a worker's (alone) alike.</summary>
    public const string SectionName = "AutoMLPlatform:Scoring:Drift";

    /// <summary>The default of <see cref="SampledRowsPerSecond"/>.</summary>
    public const int DefaultSampledRowsPerSecond = 20_000;

    /// <summary>Whether scored rows are counted into their version's drift histograms.</summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Per pooled session, the most rows per second whose values are counted into the histograms. Every row is still
    /// counted in the version's row total; above this rate a session counts the values of about one row in every
    /// stride (a power of two up to 4,096, set from the session's own rate), each weighted by the stride, so
    /// the bin, missing, unseen and prediction counts become unbiased estimates instead of exact counts, and PSI is
    /// taken from their shares. At or below it, and when 0, every row's values are counted exactly.
    /// </summary>
    /// <value>Defaults to 20,000.</value>
    [Range(0, int.MaxValue)]
    public int SampledRowsPerSecond { get; set; } = DefaultSampledRowsPerSecond;

    /// <summary>
    /// How often this host adds the counts it gathered since the last flush to the store (and once more at a graceful
    /// shutdown). A host that crashes loses at most this much of its counting; other hosts see its rows this much later.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
