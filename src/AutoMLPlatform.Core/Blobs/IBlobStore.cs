using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Blobs;

/// <summary>
/// Content-addressed storage of dataset files and model artifacts, per tenant and kind. Content is staged
/// (written and hashed privately), then committed under its hash, so a crash never leaves half a file visible,
/// and the same bytes stored twice are kept once.
/// </summary>
public interface IBlobStore
{
    /// <summary>Copies <paramref name="content"/> to a staging area, hashing it; throws <see cref="Common.PayloadTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Makes the staged content visible under its hash. Returns false when those bytes were already stored.</summary>
    Task<bool> CommitAsync(StagedBlob staged, TenantId tenant, BlobKind kind, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes a committed blob; false when it was not there.</summary>
    Task<bool> DeleteAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes every blob of a (deleted) tenant; false when it had none.</summary>
    Task<bool> DeleteTenantAsync(TenantId tenant, CancellationToken cancellationToken);
}
