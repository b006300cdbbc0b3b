using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Reads a <see cref="ResNetImageClassificationTransformer"/> back from its package part over the process's one
/// ResNet18 (<see cref="PretrainedNetworks"/>): every version of every tenant shares that network and keeps only its
/// head. A part naming another network, or another SHA-256 of it, is refused (<c>pretrained-asset-mismatch</c>):
/// its head was trained on other features. Images decode within the host's one <paramref name="budget"/>.
/// </summary>
internal sealed class ResNetImageClassifierPartLoader(PretrainedNetworks networks, ImageDecodeBudget budget) : IModelPartLoader
{
    public string Kind => ResNetImageClassificationTransformer.PartKind;

    public ITransformer Load(Stream content, ModelPartLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchNative.EnsureLoaded();
        var installed = PretrainedAssets.ResNet18;
        var (config, head) = TorchPartArchive.Read(content, (ResNetModelConfig c) =>
        {
            TorchPartArchive.EnsureFormat(c.Format);
            if (!string.Equals(c.Network, installed.Name, StringComparison.Ordinal) || !string.Equals(c.NetworkSha256, installed.Sha256, StringComparison.Ordinal))
            {
                throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                    $"The model was trained on the features of '{c.Network}' (SHA-256 {c.NetworkSha256}); this installation has '{installed.Name}' ({installed.Sha256}).");
            }

            return ResNetHead.Create(c.Classes.Count);
        });
        var model = new ResNetImageModel(networks.ResNet18(), head, config.Shape, config.Scaling, config.Classes, budget);
        return new ResNetImageClassificationTransformer(context.MLContext, model, config.ImageColumn, training: null);
    }
}
