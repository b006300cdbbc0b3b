using AutoMLPlatform.AutoML.Pretrained;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// The featurizations offered to the search, computed once per experiment before the first trial, and the sentence
/// embedding stages they share (one per free-text column, empty without an encoder). A model's chain starts with the
/// embedding stages only when it uses them, so a model on n-grams never runs the encoder.
/// </summary>
internal sealed class FeatureSets(IReadOnlyList<FeatureSet> sets, IReadOnlyList<SentenceEmbeddingTransformer> embeddings)
{
    public IReadOnlyList<FeatureSet> Sets { get; } = sets;

    public IReadOnlyList<SentenceEmbeddingTransformer> Embeddings { get; } = embeddings;

    /// <summary>Whether sentence vectors were offered or several featurizations are: the leaderboard then shows each trial's.</summary>
    public bool HasChoice => Embeddings.Count > 0 || Sets.Count > 1;

    public FeatureSet this[TextFeatures text] => Sets.First(s => s.Text == text);

    /// <summary>Original columns in, the set's features out: the embedding stages (if the set uses them), then its featurizer.</summary>
    public ITransformer ChainFor(TextFeatures text) => this[text].UsesEmbeddings ? Start([text]).Append(this[text].Featurizer) : this[text].Featurizer;

    /// <summary>The embedding stages when any of <paramref name="used"/> needs them, else an empty chain.</summary>
    public TransformerChain<ITransformer> Start(IEnumerable<TextFeatures> used) =>
        used.Any(t => this[t].UsesEmbeddings) ? new TransformerChain<ITransformer>([.. Embeddings]) : new TransformerChain<ITransformer>();
}
