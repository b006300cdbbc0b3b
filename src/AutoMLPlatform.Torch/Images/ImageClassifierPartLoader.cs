using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Reads an <see cref="ImageClassificationTransformer"/> back from its model package part; every model it loads decodes
/// images within the one <paramref name="budget"/> of the host.
/// </summary>
internal sealed class ImageClassifierPartLoader(ImageDecodeBudget budget) : IModelPartLoader
{
    public string Kind => ImageClassificationTransformer.PartKind;

    public ITransformer Load(Stream content, ModelPartLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchNative.EnsureLoaded();
        var (config, network) = TorchPartArchive.Read(content, (ImageModelConfig c) =>
        {
            TorchPartArchive.EnsureFormat(c.Format);
            return c.Members is > 1 ? new ConvNetEnsemble(c.Shape, c.Classes.Count, c.Members.Value) : (TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>)new ConvNet(c.Shape, c.Classes.Count);
        });
        return new ImageClassificationTransformer(context.MLContext, new ImageModel(network, config.Shape, config.Normalization, config.Classes, budget),
            config.ImageColumn, training: null);
    }
}
