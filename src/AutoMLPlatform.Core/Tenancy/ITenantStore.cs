namespace AutoMLPlatform.Core.Tenancy;

/// <summary>Tenants and their wrapped data keys (encrypted under the master key, which never reaches the database).</summary>
public interface ITenantStore
{
    /// <summary>Stores a new tenant; false when one with that id exists already.</summary>
    Task<bool> TryCreateAsync(Tenant tenant, CancellationToken cancellationToken);

    Task<Tenant?> FindAsync(TenantId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's wrapped data key, or null when none was made yet (or it was destroyed).</summary>
    Task<WrappedDataKey?> FindDataKeyAsync(TenantId id, CancellationToken cancellationToken);

    /// <summary>Stores the tenant's first data key; false if another process stored one first (use theirs).</summary>
    Task<bool> TryAddDataKeyAsync(TenantId id, WrappedDataKey key, CancellationToken cancellationToken);

    /// <summary>Every wrapped data key: for re-wrapping under a new master key.</summary>
    Task<IReadOnlyList<(TenantId Tenant, WrappedDataKey Key)>> ListDataKeysAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a wrapped key with the same data key wrapped under another master key.</summary>
    Task ReplaceDataKeyAsync(TenantId id, WrappedDataKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the tenant and destroys its data key (nothing it stored can be read back), and in the same transaction
    /// its rows: datasets and their schemas, models, versions and reports, jobs and leaderboards, pipelines and runs,
    /// drift counters and keys. The tombstone (id, name) and the audit entries stay. False when there was no such tenant.
    /// </summary>
    Task<bool> DeleteAsync(TenantId id, CancellationToken cancellationToken);

    /// <summary>Deletes rows of deleted tenants written after the deletion (a worker that raced it); returns how many.</summary>
    Task<int> PurgeDeletedAsync(CancellationToken cancellationToken);

    /// <summary>Every deleted tenant: whose files a sweep removes.</summary>
    Task<IReadOnlyList<TenantId>> ListDeletedAsync(CancellationToken cancellationToken);
}
