namespace AutoMLPlatform.Core.Insight;

/// <summary>Regression quality. Residual = actual − predicted.</summary>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="R2">1 − residual sum of squares / total sum of squares; null when every label is the same.</param>
/// <param name="ResidualQuantiles">Residual quantiles (0, 5, 25, 50, 75, 95, 100 %), linearly interpolated.</param>
/// <param name="Points">Predicted against actual for a bounded, evenly spaced sample of the rows.</param>
public sealed record RegressionReport(double Rmse, double Mae, double? R2, IReadOnlyList<QuantileValue> ResidualQuantiles, IReadOnlyList<PredictedActual> Points);
