namespace AutoMLPlatform.Client;

/// <summary>How much of an upload has been sent.</summary>
/// <param name="BytesSent">Bytes of the file sent so far.</param>
/// <param name="TotalBytes">The file's size, when the stream knows it.</param>
public sealed record UploadProgress(long BytesSent, long? TotalBytes)
{
    /// <summary>The share sent, 0 to 1, when the size is known.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesSent / TotalBytes.Value : null;
}
