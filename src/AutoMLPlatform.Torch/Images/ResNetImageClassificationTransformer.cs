using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// An image classifier on ResNet18 features. Its package part holds the linear head and names the network by asset
/// name and SHA-256; the network's weights are never in it.
/// </summary>
public sealed class ResNetImageClassificationTransformer : ImageClassifierTransformer
{
    public const string PartKind = "pretrained-image-classifier";

    private readonly ResNetImageModel _model;

    internal ResNetImageClassificationTransformer(MLContext mlContext, ResNetImageModel model, string imageColumn, TrainingSummary? training)
        : base(mlContext, model, imageColumn, training)
    {
        _model = model;
    }

    public override string Kind => PartKind;

    public override void Write(Stream destination)
    {
        var asset = _model.Extractor.Asset;
        var config = new ResNetModelConfig(TorchPartArchive.FormatVersion, ImageColumn, _model.Classes, _model.Shape, asset.Name, asset.Sha256, _model.Scaling);
        TorchPartArchive.Write(destination, config, _model.Head);
    }
}

/// <summary>What <c>model.json</c> of a ResNet part holds: the network by name and SHA-256, never its weights.</summary>
internal sealed record ResNetModelConfig(int Format, string ImageColumn, IReadOnlyList<string> Classes, ImageShape Shape, string Network, string NetworkSha256,
    FeatureScaling Scaling);
