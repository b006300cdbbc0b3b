using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>An image classifier trained from scratch (a convolutional network, or an ensemble of them); its package part holds the weights.</summary>
public sealed class ImageClassificationTransformer : ImageClassifierTransformer
{
    public const string PartKind = "torch-image-classifier";

    private readonly ImageModel _model;

    internal ImageClassificationTransformer(MLContext mlContext, ImageModel model, string imageColumn, TrainingSummary? training)
        : base(mlContext, model, imageColumn, training)
    {
        _model = model;
    }

    public override string Kind => PartKind;

    internal ImageModel Model => _model;

    public override void Write(Stream destination)
    {
        var config = new ImageModelConfig(TorchPartArchive.FormatVersion, ImageColumn, _model.Classes, _model.Shape, _model.Normalization,
            _model.Members > 1 ? _model.Members : null);
        TorchPartArchive.Write(destination, config, _model.Network);
    }
}

/// <summary>What <c>model.json</c> of an image part holds; <paramref name="Members"/> is set for an ensemble (absent in older packages: one network).</summary>
internal sealed record ImageModelConfig(int Format, string ImageColumn, IReadOnlyList<string> Classes, ImageShape Shape, PixelNormalization Normalization,
    int? Members = null);
