using System.ComponentModel.DataAnnotations;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Datasets.Images;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>Limits on dataset uploads. Bound from <c>AutoMLPlatform:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "AutoMLPlatform:Uploads";

    /// <summary>Largest file accepted, in bytes; a larger upload is answered 413 and nothing is stored.</summary>
    /// <value>Defaults to 1 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Most columns a table may have (and fields any of its rows): a wider header is answered 400
    /// <c>csv-too-many-columns</c> before anything is stored. Every dataset list and job reads the schema, so a million
    /// columns would slow every later call, not only this upload.
    /// </summary>
    /// <value>Defaults to <see cref="CsvLimits.DefaultMaxFields"/> (10,000).</value>
    [Range(1, 1_000_000)]
    public int MaxColumns { get; set; } = CsvLimits.DefaultMaxFields;

    /// <summary>Most characters one row of a table may have, all its fields together; a longer row is answered 400 <c>csv-record-too-long</c>.</summary>
    /// <value>Defaults to <see cref="CsvLimits.DefaultMaxRecordLength"/> (4 Mi characters).</value>
    [Range(CsvLimits.DefaultMaxFieldLength, int.MaxValue)]
    public int MaxRowCharacters { get; set; } = CsvLimits.DefaultMaxRecordLength;

    /// <summary>Most entries (files and folders) in an image zip.</summary>
    /// <value>Defaults to 200,000.</value>
    [Range(1, 10_000_000)]
    public int MaxImageZipEntries { get; set; } = 200_000;

    /// <summary>Largest central directory (the zip's table of contents) of an image zip, in bytes; checked before it is read.</summary>
    /// <value>Defaults to 64 MiB.</value>
    [Range(1024, int.MaxValue)]
    public long MaxImageZipDirectoryBytes { get; set; } = ImageZipLimits.DefaultMaxDirectoryBytes;

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

    /// <summary>The limits every row of an uploaded table is read with.</summary>
    public CsvLimits CsvLimits => new() { MaxFields = MaxColumns, MaxRecordLength = MaxRowCharacters };

    public ImageZipLimits ImageZipLimits => new()
    {
        MaxEntries = MaxImageZipEntries,
        MaxDirectoryBytes = MaxImageZipDirectoryBytes,
        MaxEntryBytes = MaxImageBytes,
        MaxTotalBytes = MaxImageZipInflatedBytes,
        MaxPixels = MaxImagePixels,
    };
}
