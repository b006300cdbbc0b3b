using AutoMLPlatform.Datasets.Images;

namespace AutoMLPlatform.Torch.Images;

/// <summary>The tensor shape images are decoded to: channels (1 grey, 3 colour), height and width.</summary>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>The smallest side the network takes: two 2x2 poolings must leave at least 2x2 pixels.</summary>
    public const int MinSide = 8;

    public int PixelsPerChannel => Height * Width;

    public int Size => Channels * Height * Width;

    /// <summary>
    /// Images that all share one small size are used as they are (a network learns best from unresampled pixels);
    /// otherwise every image is centre-cropped to a square and resized to <paramref name="resizeSide"/>.
    /// </summary>
    public static (int Height, int Width) Choose(ImageSizeRange sizes, int maxNativeSide, int resizeSide)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.IsUniform && Math.Max(sizes.MaxWidth, sizes.MaxHeight) <= maxNativeSide)
        {
            return (Math.Max(MinSide, sizes.MaxHeight), Math.Max(MinSide, sizes.MaxWidth));
        }

        return (resizeSide, resizeSide);
    }
}
