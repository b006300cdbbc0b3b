namespace AutoMLPlatform.Scoring.Drift;

/// <summary>Drift monitoring of scored rows. Bound from <c>AutoMLPlatform:Scoring:Drift</c>.</summary>
public sealed class DriftOptions
{
    /// <summary>Whether every scored row is counted into its version's drift histograms.</summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;
}
