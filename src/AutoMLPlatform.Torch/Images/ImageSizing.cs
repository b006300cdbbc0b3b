namespace AutoMLPlatform.Torch.Images;

/// <summary>How images are sized for the network (see <see cref="ImageShape.Choose"/>).</summary>
/// <param name="MaxNativeSide">Images that all share one size no larger than this on either side are used as they are.</param>
/// <param name="ResizeSide">Otherwise every image becomes a square of this side.</param>
public sealed record ImageSizing(int MaxNativeSide = ImageSizing.DefaultMaxNativeSide, int ResizeSide = ImageSizing.DefaultResizeSide)
{
    public const int DefaultMaxNativeSide = 64;
    public const int DefaultResizeSide = 32;
}
