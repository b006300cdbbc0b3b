using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>Dataset rows and their versions. Blobs are kept apart, in an <see cref="Blobs.IBlobStore"/>.</summary>
public interface IDatasetStore
{
    /// <summary>
    /// Adds a version to the dataset called <paramref name="name"/>, creating the dataset if it is new.
    /// The version number is assigned here, one past the newest. Throws <see cref="Common.LimitExceededException"/>
    /// (<c>storage-quota</c>) when the content would take the tenant past its storage quota.
    /// </summary>
    Task<DatasetVersion> AddVersionAsync(TenantId tenant, string name, NewDatasetVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the next version of an existing dataset only if its newest version is still <paramref name="basedOn"/>:
    /// for content derived from that version (appended rows). Null, adding nothing, when another version came first.
    /// </summary>
    Task<DatasetVersion?> TryAddVersionAfterAsync(TenantId tenant, DatasetId id, int basedOn, NewDatasetVersion version, CancellationToken cancellationToken);

    Task<Dataset?> FindAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken);

    Task<Dataset?> FindByNameAsync(TenantId tenant, string name, CancellationToken cancellationToken);

    Task<DatasetVersion?> FindVersionAsync(TenantId tenant, DatasetId id, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Dataset>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the dataset: its rows stay as tombstones (lineage still names them, reads no longer find them) and its
    /// name is free again. Returns the content hashes no other live version of the tenant uses, whose blobs may go;
    /// null when there is no such dataset.
    /// </summary>
    Task<IReadOnlyList<string>?> DeleteAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken);
}
