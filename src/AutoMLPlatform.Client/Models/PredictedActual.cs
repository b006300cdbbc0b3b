namespace AutoMLPlatform.Client.Models;

/// <summary>A prediction beside the true value.</summary>
public sealed record PredictedActual(double Predicted, double Actual);
