using AutoMLPlatform.Pretrained.Assets;

namespace AutoMLPlatform.Pretrained.Text;

/// <summary>The sentence encoders the platform ships.</summary>
public static class SentenceEncoders
{
    /// <summary>
    /// all-MiniLM-L6-v2: 6 layers, 384-d, mean pooling over tokens, then unit length, as sentence-transformers does.
    /// It was trained on inputs of at most 128 tokens, and reads that many: about 500 characters of English.
    /// </summary>
    public static SentenceEncoderSpec MiniLm { get; } = new("all-MiniLM-L6-v2", PretrainedAssets.MiniLmModel, PretrainedAssets.MiniLmVocabulary,
        Dimension: 384, MaxTokens: 128, LowerCase: true);

    public static IReadOnlyList<SentenceEncoderSpec> All { get; } = [MiniLm];

    /// <summary>The default encoder for free text.</summary>
    public static SentenceEncoderSpec Default => MiniLm;

    /// <summary>The encoder of that name (any case), or null.</summary>
    public static SentenceEncoderSpec? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
