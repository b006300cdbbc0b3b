namespace AutoMLPlatform.Storage.Blobs;

/// <summary>What one sweep removed: committed blobs no row names, staging files, and half-written temporary files.</summary>
internal sealed record BlobSweepResult(int Orphans, int Staging, int Partial, long Bytes)
{
    public int Total => Orphans + Staging + Partial;
}
