namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>
/// What a model package keeps of a sentence embedding stage: which encoder, proven by its network's SHA-256, and
/// the columns. Never the weights: every version of every model that uses the encoder shares the one installed.
/// </summary>
/// <param name="Format">Format of this record (1).</param>
/// <param name="Encoder">The encoder's name, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Sha256">SHA-256 of the encoder's network the model was trained with.</param>
/// <param name="MaxTokens">Tokens read per text when it was trained (a different cut gives other vectors).</param>
/// <param name="InputColumn">The text column read.</param>
/// <param name="OutputColumn">The vector column written.</param>
internal sealed record SentenceEmbeddingPart(int Format, string Encoder, string Sha256, int MaxTokens, string InputColumn, string OutputColumn)
{
    public const int CurrentFormat = 1;
}
