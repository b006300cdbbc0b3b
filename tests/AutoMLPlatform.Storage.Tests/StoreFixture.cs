using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMLPlatform.Storage.Tests;

/// <summary>A migrated (unless asked otherwise), empty database of the given provider, fresh for each test: a SQLite file or a PostgreSQL database.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly TempDirectory? _directory;
    private readonly string? _postgres;

    private StoreFixture(StoreDatabase database, TempDirectory? directory, string? postgres)
    {
        Database = database;
        _directory = directory;
        _postgres = postgres;
    }

    public StoreDatabase Database { get; }

    public static async Task<StoreFixture> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        StoreFixture fixture;
        if (provider == StorageProvider.Postgres)
        {
            var connectionString = await TestPostgres.CreateDatabaseAsync();
            fixture = new StoreFixture(new PostgresStoreDatabase(connectionString), null, connectionString);
        }
        else
        {
            var directory = new TempDirectory();
            fixture = new StoreFixture(new SqliteStoreDatabase(Path.Combine(directory.Path, "test.db")), directory, null);
        }

        if (migrate)
        {
            await new MigrationRunner(fixture.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
                .MigrateAsync(Migrations.All, CancellationToken.None);
        }

        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is PostgresStoreDatabase postgres)
        {
            await postgres.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(_postgres!);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Dispose();
    }
}
