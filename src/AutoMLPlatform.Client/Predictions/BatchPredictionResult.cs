namespace AutoMLPlatform.Client.Predictions;

/// <summary>The version that scored a CSV batch.</summary>
public sealed record BatchPredictionResult(string Model, int Version);
