namespace AutoMLPlatform.Core.Insight;

/// <summary>One row's prediction and true value.</summary>
public sealed record PredictedActual(double Predicted, double Actual);
