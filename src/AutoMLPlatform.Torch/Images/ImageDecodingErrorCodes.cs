namespace AutoMLPlatform.Torch.Images;

/// <summary>Codes of the refusals of an image as it is decoded to pixels, for training, serving and the CLI bench alike.</summary>
public static class ImageDecodingErrorCodes
{
    public const string ImageDecodingBusy = "image-decoding-busy";

    public const string NotAnImage = "not-an-image";
}
