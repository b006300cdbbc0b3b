using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.Torch.Training;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// A linear head over ResNet18's pooled features, with what it needs to read a raw image: the shape the training
/// images were decoded to (serving decodes to the same shape, so the network sees the same pixels as in training),
/// the feature scaling and the class names. The extractor is the process's shared one; only the head is this model's.
/// Thread-safe for prediction. Images are decoded within <paramref name="budget"/>, shared by every model of a host.
/// </summary>
internal sealed class ResNetImageModel(ImageFeatureExtractor extractor, nn.Module<Tensor, Tensor> head, ImageShape shape, FeatureScaling scaling,
    IReadOnlyList<string> classes, ImageDecodeBudget budget) : IImageClassifierModel
{
    public ImageFeatureExtractor Extractor { get; } = extractor;

    public nn.Module<Tensor, Tensor> Head { get; } = head;

    public ImageShape Shape { get; } = shape;

    public FeatureScaling Scaling { get; } = scaling;

    public IReadOnlyList<string> Classes { get; } = classes;

    /// <summary>Class probabilities for an image given as base64; empty reads as a blank (black) image, as for the from-scratch network.</summary>
    /// <exception cref="AutoMLPlatform.Core.Common.InvalidInputException">Not base64 of an accepted image, or it does not decode.</exception>
    /// <exception cref="ImageTooLargeException">The image declares more pixels than the budget allows; refused before decoding.</exception>
    public float[] Predict(string base64)
    {
        var pixels = new byte[Shape.Size];
        if (!string.IsNullOrWhiteSpace(base64))
        {
            var rgb = ImageDecoder.DecodeRgb(ImageBase64.Decode(base64), Shape.Height, Shape.Width, budget);
            ImageDataset.ToChannels(rgb, Shape.Channels, pixels);
        }

        var features = new float[ImageFeatureExtractor.Dimension];
        Extractor.Extract(pixels, Shape.Channels, Shape.Height, Shape.Width, features);
        Scaling.Apply(features, features);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return nn.functional.softmax(Head.call(TensorFactory.Floats(features, 1, features.Length)), 1).data<float>().ToArray();
    }

    public void Dispose() => Head.Dispose();
}
