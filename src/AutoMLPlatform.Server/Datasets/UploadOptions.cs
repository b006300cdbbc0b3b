using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>Limits on dataset uploads. Bound from <c>AutoMLPlatform:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "AutoMLPlatform:Uploads";

    /// <summary>Largest file accepted, in bytes; a larger upload is answered 413 and nothing is stored.</summary>
    /// <value>Defaults to 1 GiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1L << 30;
}
