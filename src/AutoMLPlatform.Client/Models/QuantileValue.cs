namespace AutoMLPlatform.Client.Models;

/// <summary>A quantile of the residuals.</summary>
public sealed record QuantileValue(double Quantile, double Value);
