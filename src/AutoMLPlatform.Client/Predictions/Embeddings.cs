namespace AutoMLPlatform.Client.Predictions;

/// <summary>The sentence vectors of some texts, one per text in order, each of length <see cref="Dimension"/> and unit length.</summary>
public sealed record Embeddings(string Model, int Dimension, IReadOnlyList<float[]> Vectors);
