using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// A trained image classifier as an ML.NET transformer, of either family (<see cref="ImageClassificationTransformer"/>
/// from scratch, <see cref="ResNetImageClassificationTransformer"/> on ResNet18 features). Its input column holds each
/// image as base64-encoded file bytes (PNG, JPEG, GIF, BMP or WebP; a <c>data:</c> URL is fine), which is also how the
/// prediction API takes it. Outputs are ML.NET's standard classification columns (see <see cref="ClassifierMapping"/>).
/// </summary>
public abstract class ImageClassifierTransformer : TorchClassifierTransformer
{
    private readonly IImageClassifierModel _classifier;

    private protected ImageClassifierTransformer(MLContext mlContext, IImageClassifierModel classifier, string imageColumn, TrainingSummary? training)
        : base(ClassifierMapping.Create(mlContext, imageColumn, classifier.Classes, classifier.Predict), classifier.Classes, training)
    {
        _classifier = classifier;
        ImageColumn = imageColumn;
    }

    /// <summary>The column read: images as base64 text.</summary>
    public string ImageColumn { get; }

    /// <summary>The shape images are decoded to before they enter the network.</summary>
    public ImageShape Shape => _classifier.Shape;

    /// <summary>Class probabilities for one image given as base64.</summary>
    public IReadOnlyList<float> PredictProbabilities(string base64) => _classifier.Predict(base64);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _classifier.Dispose();
        }
    }
}
