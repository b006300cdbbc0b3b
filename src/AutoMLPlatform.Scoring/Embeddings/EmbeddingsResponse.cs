namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>The vectors of an <see cref="EmbeddingsRequest"/>, one per input in order, each of length <see cref="Dimension"/> and unit length.</summary>
public sealed record EmbeddingsResponse(string Model, int Dimension, IReadOnlyList<float[]> Embeddings);
