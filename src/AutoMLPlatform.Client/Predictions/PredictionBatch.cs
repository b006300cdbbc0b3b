namespace AutoMLPlatform.Client.Predictions;

/// <summary>The predictions for several rows, in their order, and the version that made them.</summary>
public sealed record PredictionBatch(string Model, int Version, IReadOnlyList<Prediction> Predictions);
