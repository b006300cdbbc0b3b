using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AutoMLPlatform.Storage.Database;

/// <summary>A SQLite file in write-ahead-log mode, shared by every thread of the process.</summary>
internal sealed class SqliteStoreDatabase : StoreDatabase
{
    private readonly string _connectionString;

    public SqliteStoreDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();

        // WAL lets readers go on while one writer writes; busy_timeout makes writers wait instead of failing.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for deferred: the write lock is taken up front.
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
