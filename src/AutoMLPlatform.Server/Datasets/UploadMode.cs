using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>What an upload to an existing dataset name does: the <c>mode</c> form field, <c>replace</c> by default.</summary>
public enum UploadMode
{
    /// <summary>The file is the next version's whole content.</summary>
    Replace,

    /// <summary>The file's rows are added after the newest version's rows; the file must have the same columns.</summary>
    Append,
}

/// <summary>Parses the <c>mode</c> form field.</summary>
public static class UploadModes
{
    public static UploadMode Parse(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "replace" => UploadMode.Replace,
        "append" => UploadMode.Append,
        _ => throw new InvalidInputException("invalid-upload-mode", $"Unknown mode '{mode}'; use replace (the default) or append.", "mode"),
    };
}
