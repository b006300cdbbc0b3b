using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// A fastText-style classifier over TF-IDF-weighted features: an EmbeddingBag sums the embeddings of a text's
/// features (each scaled by its weight) into one dense vector, dropout, then a linear layer to the classes. The
/// vocabulary (feature hashes and idf) travels with the weights as buffers, so a saved network is self-contained.
/// </summary>
internal sealed class TextNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly EmbeddingBag embedding;
    private readonly Dropout dropout;
    private readonly Linear output;

    public TextNet(int features, int dimension, int classCount, double dropoutRate)
        : base(nameof(TextNet))
    {
        Dimension = dimension;
        embedding = nn.EmbeddingBag(features, dimension, mode: EmbeddingBagMode.Sum);
        dropout = nn.Dropout(dropoutRate);
        output = nn.Linear(dimension, classCount);
        RegisterComponents();
        register_buffer("vocabulary_hashes", zeros(features, ScalarType.Int64));
        register_buffer("vocabulary_idf", zeros(features, ScalarType.Float32));
    }

    /// <summary>Size of the vector a text is summed into.</summary>
    public int Dimension { get; }

    public override Tensor forward(Tensor ids, Tensor offsets, Tensor weights)
    {
        using var bags = embedding.forward(ids, offsets, weights);
        using var dropped = dropout.call(bags);
        return output.call(dropped);
    }

    /// <summary>The sum of squared embedding weights, scaled by <paramref name="strength"/>: an L2 penalty for the loss.</summary>
    public Tensor Penalty(double strength) => embedding.weight!.pow(2).sum() * strength;

    /// <summary>Stores the vocabulary in the network's buffers.</summary>
    public void SetVocabulary(TextVocabulary vocabulary)
    {
        using var noGrad = no_grad();
        var hashes = vocabulary.Hashes.Select(h => unchecked((long)h)).ToArray();
        using var hashTensor = tensor(hashes);
        using var idfTensor = tensor(vocabulary.Idf);
        get_buffer("vocabulary_hashes")!.copy_(hashTensor);
        get_buffer("vocabulary_idf")!.copy_(idfTensor);
    }

    /// <summary>The vocabulary read back from the buffers.</summary>
    public TextVocabulary GetVocabulary(TextFeatureSettings settings, int wordFeatures)
    {
        var hashes = get_buffer("vocabulary_hashes")!.data<long>().ToArray().Select(h => unchecked((ulong)h)).ToArray();
        return new TextVocabulary(settings, hashes, get_buffer("vocabulary_idf")!.data<float>().ToArray(), wordFeatures);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            embedding.Dispose();
            dropout.Dispose();
            output.Dispose();
        }

        base.Dispose(disposing);
    }
}
