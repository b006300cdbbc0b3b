using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// A trained image network with what it needs to read a raw image: the shape it was trained on, the pixel
/// normalisation and the class names. Thread-safe for prediction: the network is in eval mode and each call
/// works on its own tensors, without gradients. Images are decoded within <paramref name="budget"/>, which every model
/// of a host shares.
/// </summary>
internal sealed class ImageModel(nn.Module<Tensor, Tensor> network, ImageShape shape, PixelNormalization normalization, IReadOnlyList<string> classes,
    ImageDecodeBudget budget) : IImageClassifierModel
{
    /// <summary>A <see cref="ConvNet"/>, or a <see cref="ConvNetEnsemble"/> of them.</summary>
    public nn.Module<Tensor, Tensor> Network { get; } = network;

    /// <summary>How many networks are averaged (1 for a single network).</summary>
    public int Members => Network is ConvNetEnsemble ensemble ? ensemble.Count : 1;

    public ImageShape Shape { get; } = shape;

    public PixelNormalization Normalization { get; } = normalization;

    public IReadOnlyList<string> Classes { get; } = classes;

    /// <summary>Where this model decodes images.</summary>
    public ImageDecodeBudget Budget { get; } = budget;

    /// <summary>Class probabilities for an image given as base64 (a <c>data:</c> URL prefix is allowed); empty reads as a blank image.</summary>
    /// <exception cref="InvalidInputException">The text is not base64 of an image in an accepted format, or the image does not decode.</exception>
    /// <exception cref="ImageTooLargeException">The image declares more pixels than the budget allows.</exception>
    public float[] Predict(string base64)
    {
        var input = new float[Shape.Size];
        if (!string.IsNullOrWhiteSpace(base64))
        {
            var rgb = ImageDecoder.DecodeRgb(ImageBase64.Decode(base64), Shape.Height, Shape.Width, Budget);
            var pixels = new byte[Shape.Size];
            ImageDataset.ToChannels(rgb, Shape.Channels, pixels);
            Normalization.Apply(pixels, Shape.PixelsPerChannel, input);
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = TensorFactory.Floats(input, 1, Shape.Channels, Shape.Height, Shape.Width);
        return nn.functional.softmax(Network.call(x), 1).data<float>().ToArray();
    }

    public void Dispose() => Network.Dispose();
}
