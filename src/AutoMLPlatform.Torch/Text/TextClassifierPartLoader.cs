using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Text;

/// <summary>Reads a <see cref="TextClassificationTransformer"/> back from its model package part.</summary>
internal sealed class TextClassifierPartLoader : IModelPartLoader
{
    public string Kind => TextClassificationTransformer.PartKind;

    public ITransformer Load(Stream content, ModelPartLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchNative.EnsureLoaded();
        var (config, network) = TorchPartArchive.Read(content, (TextModelConfig c) =>
        {
            TorchPartArchive.EnsureFormat(c.Format);
            return new TextNet(c.VocabularySize, c.EmbeddingDimension, c.Classes.Count, dropoutRate: 0);
        });
        var vocabulary = network.GetVocabulary(config.Features, config.WordFeatures);
        return new TextClassificationTransformer(context.MLContext, new TextModel(network, vocabulary, config.Classes), config.TextColumn, training: null);
    }
}
