namespace AutoMLPlatform.Client.Models;

/// <summary>A regression model's evaluation.</summary>
public sealed record RegressionReport(double Rmse, double Mae, double? R2, IReadOnlyList<QuantileValue> ResidualQuantiles, IReadOnlyList<PredictedActual> Points);
