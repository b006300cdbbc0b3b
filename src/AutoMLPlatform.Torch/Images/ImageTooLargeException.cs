using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Torch.Images;

/// <summary>An image whose header declares more pixels than the limit: refused before any pixel is decoded (413).</summary>
public sealed class ImageTooLargeException(long pixels, long maxPixels)
    : AutoMLPlatformException("image-too-large", ErrorKind.TooLarge,
        $"The image has {pixels} pixels; at most {maxPixels} are accepted (width times height, as its header declares).")
{
    public long Pixels { get; } = pixels;

    public long MaxPixels { get; } = maxPixels;
}
