using AutoMLPlatform.Datasets.Images;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Labelled images decoded to one shape, ready for training: pixels as bytes, image after image, each
/// <see cref="ImageShape.Channels"/> planes of height x width. A dataset whose images are all grey (R = G = B
/// everywhere) keeps one channel, which makes the network three times cheaper in its first layer.
/// </summary>
public sealed class ImageDataset
{
    private ImageDataset(IReadOnlyList<string> classes, int[] labels, ImageShape shape, byte[] pixels)
    {
        Classes = classes;
        Labels = labels;
        Shape = shape;
        Pixels = pixels;
    }

    /// <summary>Class names in ordinal order; a label is an index into it.</summary>
    public IReadOnlyList<string> Classes { get; }

    public IReadOnlyList<int> Labels { get; }

    public ImageShape Shape { get; }

    public int Count => Labels.Count;

    /// <summary>All pixels, <see cref="Count"/> images of <see cref="ImageShape.Size"/> bytes.</summary>
    internal byte[] Pixels { get; }

    /// <summary>
    /// Reads a zip of class folders (checked by <see cref="ImageZipReader"/>) and decodes every image. The stream must
    /// be seekable: it is read twice, sizes first, then pixels.
    /// </summary>
    public static ImageDataset FromZip(Stream zip, ImageZipLimits limits, ImageSizing sizing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(sizing);
        var start = zip.Position;
        var summary = ImageZipReader.Read(zip, limits, null, cancellationToken);
        var (height, width) = ImageShape.Choose(summary.Sizes, sizing.MaxNativeSide, sizing.ResizeSide);
        var classes = summary.Classes.Select(c => c.Name).ToArray();
        var images = new List<byte[]>(summary.ImageCount);
        var labels = new List<int>(summary.ImageCount);
        zip.Position = start;

        // One image at a time, each already checked against the zip's pixel limit.
        var budget = new ImageDecodeBudget(new ImageDecodeLimits { MaxPixels = limits.MaxPixels, BudgetPixels = limits.MaxPixels });
        ImageZipReader.Read(zip, limits, entry =>
        {
            images.Add(ImageDecoder.DecodeRgb(entry.Bytes, height, width, budget));
            labels.Add(Array.BinarySearch(classes, entry.ClassName, StringComparer.Ordinal));
        }, cancellationToken);
        return Assemble(classes, labels.ToArray(), images, height, width);
    }

    /// <summary>Decodes images given as encoded bytes with their class names.</summary>
    public static ImageDataset FromEncoded(IReadOnlyList<byte[]> encoded, IReadOnlyList<string> labels, ImageSizing sizing)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sizing);
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, encoded.Count, nameof(labels));
        var sizes = encoded.Select(bytes => ImageFormats.ReadSize(bytes)
            ?? throw new ArgumentException($"An image is not in a readable format ({ImageFormats.Accepted}).", nameof(encoded))).ToArray();
        var range = new ImageSizeRange(sizes.Min(s => s.Width), sizes.Max(s => s.Width), sizes.Min(s => s.Height), sizes.Max(s => s.Height));
        var (height, width) = ImageShape.Choose(range, sizing.MaxNativeSide, sizing.ResizeSide);
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var indexes = labels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
        var budget = new ImageDecodeBudget(ImageDecodeLimits.Default);
        return Assemble(classes, indexes, encoded.Select(e => ImageDecoder.DecodeRgb(e, height, width, budget)).ToList(), height, width);
    }

    /// <summary>Planar RGB bytes as the model's channels: unchanged for colour, the mean of R, G and B for grey.</summary>
    internal static void ToChannels(ReadOnlySpan<byte> rgb, int channels, Span<byte> destination)
    {
        if (channels == 3)
        {
            rgb.CopyTo(destination);
            return;
        }

        var plane = rgb.Length / 3;
        for (var i = 0; i < plane; i++)
        {
            destination[i] = (byte)((rgb[i] + rgb[plane + i] + rgb[(2 * plane) + i] + 1) / 3);
        }
    }

    private static ImageDataset Assemble(string[] classes, int[] labels, List<byte[]> rgbImages, int height, int width)
    {
        var grey = rgbImages.All(IsGrey);
        var shape = new ImageShape(grey ? 1 : 3, height, width);
        var pixels = new byte[(long)rgbImages.Count * shape.Size];
        for (var i = 0; i < rgbImages.Count; i++)
        {
            ToChannels(rgbImages[i], shape.Channels, pixels.AsSpan(i * shape.Size, shape.Size));
        }

        return new ImageDataset(classes, labels, shape, pixels);
    }

    private static bool IsGrey(byte[] rgb)
    {
        var plane = rgb.Length / 3;
        return rgb.AsSpan(0, plane).SequenceEqual(rgb.AsSpan(plane, plane)) && rgb.AsSpan(0, plane).SequenceEqual(rgb.AsSpan(2 * plane, plane));
    }
}
