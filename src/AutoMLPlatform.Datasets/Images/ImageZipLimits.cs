namespace AutoMLPlatform.Datasets.Images;

/// <summary>Bounds on an uploaded image zip, so a hostile archive (a zip bomb, millions of entries) is refused early.</summary>
public sealed record ImageZipLimits
{
    /// <summary>The default of <see cref="MaxDirectoryBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxDirectoryBytes = 64L << 20;

    /// <summary>Most entries (files and folders) in the zip, counted before the central directory is read whole.</summary>
    /// <value>Defaults to 200,000.</value>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>Largest central directory (the zip's list of entries with their names), in bytes, measured the same way.</summary>
    /// <value>Defaults to <see cref="DefaultMaxDirectoryBytes"/>.</value>
    public long MaxDirectoryBytes { get; init; } = DefaultMaxDirectoryBytes;

    /// <summary>Largest single image, uncompressed, in bytes.</summary>
    /// <value>Defaults to 32 MiB.</value>
    public long MaxEntryBytes { get; init; } = 32L << 20;

    /// <summary>Most bytes all images may inflate to together.</summary>
    /// <value>Defaults to 4 GiB.</value>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>Largest image, in pixels (width times height), so a tiny file cannot claim a gigantic picture.</summary>
    /// <value>Defaults to 40 megapixels.</value>
    public long MaxPixels { get; init; } = 40_000_000;

    public static ImageZipLimits Default { get; } = new();
}
