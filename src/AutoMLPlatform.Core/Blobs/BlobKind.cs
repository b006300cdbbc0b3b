namespace AutoMLPlatform.Core.Blobs;

/// <summary>What a stored blob holds; each kind lives apart.</summary>
public enum BlobKind
{
    Dataset,
    Model,
}
