using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Assets;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>
/// Rebuilds a <see cref="SentenceEmbeddingTransformer"/> over this process's shared encoder. A package that names an
/// encoder this host does not have, or one whose network or token limit differ from the installed one, is refused:
/// its model would see other vectors than it was trained on.
/// </summary>
internal sealed class SentenceEmbeddingPartLoader(PretrainedNetworks networks) : IModelPartLoader
{
    public string Kind => SentenceEmbeddingTransformer.PartKind;

    public ITransformer Load(Stream content, ModelPartLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var part = SentenceEmbeddingTransformer.ReadPart(content);
        if (part.Format != SentenceEmbeddingPart.CurrentFormat)
        {
            throw new InvalidModelPackageException($"Sentence embedding part format {part.Format} is not supported (this build reads {SentenceEmbeddingPart.CurrentFormat}).");
        }

        var encoder = networks.SentenceEncoder(part.Encoder);
        if (part.Sha256 != encoder.Spec.Model.Sha256 || part.MaxTokens != encoder.Spec.MaxTokens)
        {
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                $"The model was trained with {part.Encoder} SHA-256 {part.Sha256} reading {part.MaxTokens} tokens; this host has SHA-256 {encoder.Spec.Model.Sha256} reading {encoder.Spec.MaxTokens}.");
        }

        return new SentenceEmbeddingTransformer(context.MLContext, encoder, part.InputColumn, part.OutputColumn, new EmbeddingCache(EmbeddingCache.ServingCapacity));
    }
}
