using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Drift;
using AutoMLPlatform.Storage.Registry;
using AutoMLPlatform.Storage.Tenancy;

namespace AutoMLPlatform.Storage.Tests.Drift;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlDriftStoreTests(StorageProvider provider)
{
    [Test]
    public async Task Two_hosts_flushing_the_same_counter_add_up()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (store, _, version) = await RegisteredAsync(fixture, TenantId.Default);

        await Task.WhenAll(
            store.AddAsync(TenantId.Default, "churn", version, [new DriftCount(0, 3, 5), new DriftCount(-2, 0, 5)], CancellationToken.None),
            store.AddAsync(TenantId.Default, "churn", version, [new DriftCount(0, 3, 7), new DriftCount(-2, 0, 7)], CancellationToken.None));
        var counts = await store.ReadAsync(TenantId.Default, "churn", version, CancellationToken.None);

        Assert.That(counts, Is.EquivalentTo(new[] { new DriftCount(0, 3, 12), new DriftCount(-2, 0, 12) }));
    }

    [Test]
    public async Task Deleting_the_version_deletes_its_counters_and_refuses_later_flushes()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await RegisteredAsync(fixture, TenantId.Default); // version 1 takes the production alias, which keeps it from being deleted
        var (store, registry, version) = await RegisteredAsync(fixture, TenantId.Default);
        await store.AddAsync(TenantId.Default, "churn", version, [new DriftCount(0, 1, 5)], CancellationToken.None);

        await registry.DeleteVersionAsync(TenantId.Default, "churn", version, CancellationToken.None);
        var added = await store.AddAsync(TenantId.Default, "churn", version, [new DriftCount(0, 1, 5)], CancellationToken.None);
        var counts = await store.ReadAsync(TenantId.Default, "churn", version, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.False);
            Assert.That(counts, Is.Empty);
        });
    }

    [Test]
    public async Task Deleting_the_tenant_deletes_its_counters_and_leaves_other_tenants()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var tenants = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var acme = new Tenant(TenantId.New(), "acme", DateTimeOffset.UnixEpoch);
        await tenants.TryCreateAsync(acme, CancellationToken.None);
        var (store, _, version) = await RegisteredAsync(fixture, acme.Id);
        await RegisteredAsync(fixture, TenantId.Default);
        await store.AddAsync(acme.Id, "churn", version, [new DriftCount(0, 1, 5)], CancellationToken.None);
        await store.AddAsync(TenantId.Default, "churn", version, [new DriftCount(0, 1, 6)], CancellationToken.None);

        await tenants.DeleteAsync(acme.Id, CancellationToken.None);
        var added = await store.AddAsync(acme.Id, "churn", version, [new DriftCount(0, 1, 5)], CancellationToken.None);
        var deleted = await store.ReadAsync(acme.Id, "churn", version, CancellationToken.None);
        var kept = await store.ReadAsync(TenantId.Default, "churn", version, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.False);
            Assert.That(deleted, Is.Empty);
            Assert.That(kept, Is.EqualTo(new[] { new DriftCount(0, 1, 6) }));
        });
    }

    private static async Task<(SqlDriftStore Store, SqlModelRegistry Registry, int Version)> RegisteredAsync(StoreFixture fixture, TenantId tenant)
    {
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        var registered = await registry.RegisterAsync(new NewModelVersion(tenant, "churn", TaskKind.Binary, "y", MetricKind.Auc,
            new Dictionary<string, double> { ["auc"] = 0.9 }, [new ModelInputColumn("x", ColumnType.Numeric, false)], ["no", "yes"],
            new ModelLineage(DatasetId.New(), 1, JobId.New(), "LightGbm", new Dictionary<string, object>()), new string('a', 64), 100), CancellationToken.None);
        return (new SqlDriftStore(fixture.Database), registry, registered.Version);
    }
}
