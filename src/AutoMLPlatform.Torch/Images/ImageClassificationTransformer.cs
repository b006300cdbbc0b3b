using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// A trained image classifier as an ML.NET transformer. Its input column holds each image as base64-encoded file
/// bytes (PNG, JPEG, GIF, BMP or WebP; a <c>data:</c> URL is fine), which is also how the prediction API takes it.
/// Outputs are ML.NET's standard classification columns (see <see cref="ClassifierMapping"/>).
/// </summary>
public sealed class ImageClassificationTransformer : TorchClassifierTransformer
{
    public const string PartKind = "torch-image-classifier";

    private readonly ImageModel _model;

    internal ImageClassificationTransformer(MLContext mlContext, ImageModel model, string imageColumn, TrainingSummary? training)
        : base(ClassifierMapping.Create(mlContext, imageColumn, model.Classes, model.Predict), model.Classes, training)
    {
        _model = model;
        ImageColumn = imageColumn;
    }

    /// <summary>The column read: images as base64 text.</summary>
    public string ImageColumn { get; }

    /// <summary>The shape images are decoded to before they enter the network.</summary>
    public ImageShape Shape => _model.Shape;

    public override string Kind => PartKind;

    internal ImageModel Model => _model;

    /// <summary>Class probabilities for one image given as base64.</summary>
    public IReadOnlyList<float> PredictProbabilities(string base64) => _model.Predict(base64);

    public override void Write(Stream destination)
    {
        var config = new ImageModelConfig(TorchPartArchive.FormatVersion, ImageColumn, _model.Classes, _model.Shape, _model.Normalization,
            _model.Members > 1 ? _model.Members : null);
        TorchPartArchive.Write(destination, config, _model.Network);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _model.Dispose();
        }
    }
}

/// <summary>What <c>model.json</c> of an image part holds; <paramref name="Members"/> is set for an ensemble (absent in older packages: one network).</summary>
internal sealed record ImageModelConfig(int Format, string ImageColumn, IReadOnlyList<string> Classes, ImageShape Shape, PixelNormalization Normalization,
    int? Members = null);
