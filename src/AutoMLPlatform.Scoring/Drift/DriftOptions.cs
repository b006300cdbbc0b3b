using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>Drift monitoring of scored rows. Bound from <c>AutoMLPlatform:Scoring:Drift</c>.</summary>
public sealed class DriftOptions
{
    /// <summary>Whether every scored row is counted into its version's drift histograms.</summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often this host adds the counts it gathered since the last flush to the store (and once more at a graceful
    /// shutdown). A host that crashes loses at most this much of its counting; other hosts see its rows this much later.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
