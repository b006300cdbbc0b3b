using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// An image classifier on ResNet18 features: the input column holds images as base64 (as for
/// <see cref="ImageClassificationTransformer"/>), the outputs are ML.NET's standard classification columns. Its package
/// part holds the linear head and names the network by asset name and SHA-256; the network's weights are never in it.
/// </summary>
public sealed class ResNetImageClassificationTransformer : TorchClassifierTransformer
{
    public const string PartKind = "pretrained-image-classifier";

    private readonly ResNetImageModel _model;

    internal ResNetImageClassificationTransformer(MLContext mlContext, ResNetImageModel model, string imageColumn, TrainingSummary? training)
        : base(ClassifierMapping.Create(mlContext, imageColumn, model.Classes, model.Predict), model.Classes, training)
    {
        _model = model;
        ImageColumn = imageColumn;
    }

    /// <summary>The column read: images as base64 text.</summary>
    public string ImageColumn { get; }

    /// <summary>The shape images are decoded to before they are resized for the network.</summary>
    public ImageShape Shape => _model.Shape;

    public override string Kind => PartKind;

    /// <summary>Class probabilities for one image given as base64.</summary>
    public IReadOnlyList<float> PredictProbabilities(string base64) => _model.Predict(base64);

    public override void Write(Stream destination)
    {
        var asset = _model.Extractor.Asset;
        var config = new ResNetModelConfig(TorchPartArchive.FormatVersion, ImageColumn, _model.Classes, _model.Shape, asset.Name, asset.Sha256, _model.Scaling);
        TorchPartArchive.Write(destination, config, _model.Head);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _model.Dispose();
        }
    }
}

/// <summary>What <c>model.json</c> of a ResNet part holds: the network by name and SHA-256, never its weights.</summary>
internal sealed record ResNetModelConfig(int Format, string ImageColumn, IReadOnlyList<string> Classes, ImageShape Shape, string Network, string NetworkSha256,
    FeatureScaling Scaling);
