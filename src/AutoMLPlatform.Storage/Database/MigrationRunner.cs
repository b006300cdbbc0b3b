using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Storage.Database;

/// <summary>Brings the database schema up to the newest migration at start-up, one transaction per migration.</summary>
internal sealed partial class MigrationRunner(StoreDatabase database, TimeProvider time, ILogger<MigrationRunner> logger)
{
    public async Task MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await database.LockForMigrationAsync(connection, setup, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                transaction: setup, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await setup.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await database.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            // Checked inside the write transaction: two processes starting together apply each migration once.
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (applied > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@Version, @Description, @At)",
                new { migration.Version, migration.Description, At = UnixTime.ToMs(time.GetUtcNow()) }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(migration.Version, migration.Description, database.Provider);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Description}) to {Provider}")]
    private partial void LogApplied(int version, string description, StorageProvider provider);
}
