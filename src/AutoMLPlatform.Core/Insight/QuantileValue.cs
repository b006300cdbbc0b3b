namespace AutoMLPlatform.Core.Insight;

/// <summary>The value below which a share <paramref name="Quantile"/> (0–1) of the values lie.</summary>
public sealed record QuantileValue(double Quantile, double Value);
