namespace AutoMLPlatform.Core.Blobs;

/// <summary>
/// Content written to a private temporary place and hashed, not yet visible under its hash. Validate it with
/// <see cref="OpenReadAsync"/>, then commit it through the store; disposing an uncommitted blob deletes it.
/// </summary>
public abstract class StagedBlob : IAsyncDisposable
{
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public abstract string Sha256 { get; }

    public abstract long SizeBytes { get; }

    public abstract Task<Stream> OpenReadAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
