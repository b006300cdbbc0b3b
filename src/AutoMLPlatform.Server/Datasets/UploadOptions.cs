using System.ComponentModel.DataAnnotations;
using AutoMLPlatform.Torch.Images;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>Limits on dataset uploads. Bound from <c>AutoMLPlatform:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "AutoMLPlatform:Uploads";

    /// <summary>Largest file accepted, in bytes; a larger upload is answered 413 and nothing is stored.</summary>
    /// <value>Defaults to 1 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>Most entries (files and folders) in an image zip.</summary>
    /// <value>Defaults to 200,000.</value>
    [Range(1, 10_000_000)]
    public int MaxImageZipEntries { get; set; } = 200_000;

    /// <summary>Largest single image in an image zip, inflated, in bytes.</summary>
    /// <value>Defaults to 32 MiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 32L << 20;

    /// <summary>Most bytes the images of a zip may inflate to together: a zip bomb stops here.</summary>
    /// <value>Defaults to 4 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxImageZipInflatedBytes { get; set; } = 4L << 30;

    /// <summary>Largest image, in pixels.</summary>
    /// <value>Defaults to 40 million.</value>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    public ImageZipLimits ImageZipLimits => new()
    {
        MaxEntries = MaxImageZipEntries,
        MaxEntryBytes = MaxImageBytes,
        MaxTotalBytes = MaxImageZipInflatedBytes,
        MaxPixels = MaxImagePixels,
    };
}
