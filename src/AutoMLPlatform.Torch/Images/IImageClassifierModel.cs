namespace AutoMLPlatform.Torch.Images;

/// <summary>What an image classifier transformer needs of its model, whichever network family it is.</summary>
internal interface IImageClassifierModel : IDisposable
{
    /// <summary>The shape images are decoded to before they reach the network.</summary>
    ImageShape Shape { get; }

    IReadOnlyList<string> Classes { get; }

    /// <summary>Class probabilities for an image given as base64; empty reads as a blank image.</summary>
    float[] Predict(string base64);
}
