namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>How free-text columns become features; the search picks among those offered, per trial.</summary>
public enum TextFeatures
{
    /// <summary>Word and character n-grams, TF-IDF weighted (the only choice without a sentence encoder; also used when there is no text).</summary>
    NGrams,

    /// <summary>Each text's vector from a pretrained sentence encoder, instead of n-grams.</summary>
    Embeddings,

    /// <summary>The n-grams and the sentence vector side by side.</summary>
    NGramsAndEmbeddings,
}
