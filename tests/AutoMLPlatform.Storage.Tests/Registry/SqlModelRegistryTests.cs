using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Registry;

namespace AutoMLPlatform.Storage.Tests.Registry;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlModelRegistryTests(StorageProvider provider)
{
    [Test]
    public async Task The_first_version_of_a_model_becomes_production()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);

        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        var production = await registry.ResolveAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None);

        Assert.That(production!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_version_reads_back_with_metrics_schema_and_lineage()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        var registered = await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);

        var found = await registry.FindVersionAsync(TenantId.Default, "churn", registered.Version, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Metrics["auc"], Is.EqualTo(0.9));
            Assert.That(found.Inputs, Is.EqualTo(registered.Inputs));
            Assert.That(found.Lineage.Trainer, Is.EqualTo("LightGbm"));
            Assert.That(found.Lineage.Hyperparameters["numberOfLeaves"], Is.EqualTo(31.0));
            Assert.That(found.Classes, Is.EqualTo(new[] { "no", "yes" }));
        });
    }

    [Test]
    public async Task Promotion_then_rollback_returns_the_alias_to_where_it_was()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);

        var promoted = await registry.SetAliasAsync(TenantId.Default, "churn", ModelAliases.Production, 2, CancellationToken.None);
        var rolledBack = await registry.RollbackAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None);
        var production = await registry.ResolveAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((promoted.PreviousVersion, promoted.Version), Is.EqualTo(((int?)1, 2)));
            Assert.That((rolledBack.PreviousVersion, rolledBack.Version), Is.EqualTo(((int?)2, 1)));
            Assert.That(production!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Rolling_back_an_alias_that_never_moved_is_a_conflict()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);

        Assert.ThrowsAsync<ConflictException>(() => registry.RollbackAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None));
    }

    [Test]
    public async Task Rolling_back_onto_a_deleted_version_is_a_conflict_naming_it_and_leaves_the_alias()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        await registry.SetAliasAsync(TenantId.Default, "churn", ModelAliases.Production, 2, CancellationToken.None);
        await registry.DeleteVersionAsync(TenantId.Default, "churn", 1, CancellationToken.None);

        var refused = Assert.ThrowsAsync<ConflictException>(() => registry.RollbackAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None));
        var production = await registry.ResolveAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.ErrorCode, Is.EqualTo("rollback-target-deleted"));
            Assert.That(refused.Message, Does.Contain("version 1"));
            Assert.That(production!.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Pointing_an_alias_at_a_missing_version_is_not_found_and_changes_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);

        Assert.ThrowsAsync<ModelNotFoundException>(() => registry.SetAliasAsync(TenantId.Default, "churn", ModelAliases.Production, 9, CancellationToken.None));
        var production = await registry.ResolveAliasAsync(TenantId.Default, "churn", ModelAliases.Production, CancellationToken.None);

        Assert.That(production!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_registrations_of_one_model_get_distinct_versions()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);

        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => registry.RegisterAsync(NewVersion("churn"), CancellationToken.None))));

        Assert.That(versions.Select(v => v.Version).Order(), Is.EqualTo(Enumerable.Range(1, 8)));
    }

    [Test]
    public async Task Registering_again_for_the_same_job_returns_its_version_and_adds_none()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        var version = NewVersion("churn");

        var first = await registry.RegisterAsync(version, CancellationToken.None);
        var again = await registry.RegisterAsync(version, CancellationToken.None);
        var versions = await registry.ListVersionsAsync(TenantId.Default, "churn", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again.Version, Is.EqualTo(first.Version));
            Assert.That(versions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrent_registrations_for_one_job_add_one_version()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        var version = NewVersion("churn");

        var registered = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => registry.RegisterAsync(version, CancellationToken.None))));
        var found = await registry.FindByJobAsync(TenantId.Default, version.Lineage.JobId!.Value, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(registered.Select(v => v.Version).Distinct(), Is.EqualTo(new[] { 1 }));
            Assert.That(found!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_revision_grows_when_an_alias_moves()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        var before = await registry.GetRevisionAsync(CancellationToken.None);

        await registry.SetAliasAsync(TenantId.Default, "churn", "staging", 2, CancellationToken.None);

        Assert.That(await registry.GetRevisionAsync(CancellationToken.None), Is.GreaterThan(before));
    }

    [Test]
    public async Task Two_tenants_can_each_own_a_model_of_the_same_name()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        var other = TenantId.New();

        await registry.RegisterAsync(NewVersion("churn"), CancellationToken.None);
        var theirs = await registry.RegisterAsync(NewVersion("churn") with { TenantId = other }, CancellationToken.None);

        Assert.That(theirs.Version, Is.EqualTo(1));
    }

    private static NewModelVersion NewVersion(string name) => new(TenantId.Default, name, TaskKind.Binary, "y", MetricKind.Auc,
        new Dictionary<string, double> { ["auc"] = 0.9 }, [new ModelInputColumn("x", ColumnType.Numeric, false)], ["no", "yes"],
        new ModelLineage(DatasetId.New(), 1, JobId.New(), "LightGbm", new Dictionary<string, object> { ["numberOfLeaves"] = 31 }),
        new string('a', 64), 100);
}
