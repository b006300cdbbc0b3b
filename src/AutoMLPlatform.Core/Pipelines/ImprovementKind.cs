namespace AutoMLPlatform.Core.Pipelines;

/// <summary>How a challenger's margin over the champion is measured.</summary>
public enum ImprovementKind
{
    /// <summary>In the metric's own units: 0.01 AUC is one point.</summary>
    Absolute,

    /// <summary>As a share of the champion's score: 0.01 is one per cent better.</summary>
    Relative,
}
