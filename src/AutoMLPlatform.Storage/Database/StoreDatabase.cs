using System.Data.Common;

namespace AutoMLPlatform.Storage.Database;

/// <summary>
/// The one thing that differs between SQLite and PostgreSQL for our stores: how to open a connection, begin a
/// write transaction and recognise a unique-key clash. The SQL text itself is shared.
/// </summary>
internal abstract class StoreDatabase
{
    public abstract StorageProvider Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that may write; in SQLite it takes the write lock at once to avoid upgrade deadlocks.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// Serialises migration between processes for the rest of <paramref name="transaction"/>. SQLite needs nothing:
    /// its write transaction already excludes every other writer.
    /// </summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Serialises, for the rest of <paramref name="transaction"/>, the writes of one tenant that check a quota before they
    /// write. SQLite needs nothing: its write transaction already excludes every other writer.
    /// </summary>
    public virtual Task LockTenantAsync(DbConnection connection, DbTransaction transaction, Core.Tenancy.TenantId tenant, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
