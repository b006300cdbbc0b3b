using AutoMLPlatform.AutoML.Data;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// One featurization the search may train on: its fitted ML.NET featurizer (original columns, plus the sentence
/// vectors when it uses them, in; <see cref="ReservedColumns.Features"/> out) and every labelled row featurized by it.
/// <see cref="HasTextNgrams"/> is true when some of its features are <see cref="TextNgrams"/>.
/// </summary>
internal sealed record FeatureSet(TextFeatures Text, ITransformer Featurizer, FeaturizedData Data, bool HasTextNgrams = false)
{
    public bool UsesEmbeddings => Text is TextFeatures.Embeddings or TextFeatures.NGramsAndEmbeddings;

    /// <summary>How the leaderboard names the text features of this set's trials.</summary>
    public string Label => Text switch
    {
        TextFeatures.NGrams => "n-grams",
        TextFeatures.Embeddings => "embeddings",
        _ => "n-grams+embeddings",
    };
}
