using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMLPlatform.Storage.Tests;

/// <summary>A migrated SQLite database in a temporary directory, fresh for each test.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    private StoreFixture()
    {
        Database = new SqliteStoreDatabase(_directory.File("test.db"));
    }

    public StoreDatabase Database { get; }

    public string DirectoryPath => _directory.Path;

    public static async Task<StoreFixture> CreateAsync()
    {
        var fixture = new StoreFixture();
        await new MigrationRunner(fixture.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync(Migrations.All, CancellationToken.None);
        return fixture;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
