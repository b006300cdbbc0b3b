namespace AutoMLPlatform.Client.Datasets;

/// <summary>What an upload under an existing name does.</summary>
public enum UploadMode
{
    /// <summary>The file is the next version's whole content (the same bytes as the newest version add nothing).</summary>
    Replace,

    /// <summary>The next version is the newest version's rows plus the file's (tables only, same columns).</summary>
    Append,
}
