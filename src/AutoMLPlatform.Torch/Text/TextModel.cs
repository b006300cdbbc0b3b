using TorchSharp;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Text;

/// <summary>A trained text network with its vocabulary and class names. Thread-safe for prediction (eval mode, no gradients).</summary>
internal sealed class TextModel(TextNet network, TextVocabulary vocabulary, IReadOnlyList<string> classes) : IDisposable
{
    public TextNet Network { get; } = network;

    public TextVocabulary Vocabulary { get; } = vocabulary;

    public IReadOnlyList<string> Classes { get; } = classes;

    /// <summary>Class probabilities for a text; an empty text (or one of unknown words only) gets the classes' prior-like bias.</summary>
    public float[] Predict(string text)
    {
        var (ids, weights) = Vocabulary.Featurize(text);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var idTensor = tensor(ids.Select(i => (long)i).ToArray());
        var offsets = zeros(1, ScalarType.Int64);
        var logits = Network.call(idTensor, offsets, tensor(weights));
        return nn.functional.softmax(logits, 1).data<float>().ToArray();
    }

    public void Dispose() => Network.Dispose();
}
