namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary><c>POST /api/embeddings</c>: the sentence encoder by name (e.g. <c>all-MiniLM-L6-v2</c>) and the texts to encode.</summary>
public sealed record EmbeddingsRequest(string Model, IReadOnlyList<string> Inputs);
