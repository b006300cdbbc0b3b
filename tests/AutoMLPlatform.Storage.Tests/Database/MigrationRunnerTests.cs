using AutoMLPlatform.Storage.Database;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMLPlatform.Storage.Tests.Database;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class MigrationRunnerTests(StorageProvider provider)
{
    [Test]
    public async Task Processes_migrating_at_once_apply_each_migration_exactly_once()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider, migrate: false);
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(fixture.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance));

        await Task.WhenAll(runners.Select(r => Task.Run(() => r.MigrateAsync(Migrations.All, CancellationToken.None))));
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToArray();

        Assert.That(applied, Is.EqualTo(Migrations.All.Select(m => (long)m.Version)));
    }
}
