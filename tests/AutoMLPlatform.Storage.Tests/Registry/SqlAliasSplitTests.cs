using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Registry;

namespace AutoMLPlatform.Storage.Tests.Registry;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlAliasSplitTests(StorageProvider provider)
{
    private const string Model = "churn";
    private static readonly TenantId Tenant = TenantId.Default;

    [Test]
    public async Task A_split_reads_back_with_its_alias_and_the_model_and_bumps_the_revision()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 3);
        var revision = await registry.GetRevisionAsync(CancellationToken.None);

        var change = await registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(2, 12.5, 3), CancellationToken.None);
        var target = await registry.FindAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);
        var model = await registry.FindModelAsync(Tenant, Model, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((change.PreviousVersion, change.Version), Is.EqualTo(((int?)1, 1)));
            Assert.That(target!.Version, Is.EqualTo(1));
            Assert.That(target.Split, Is.EqualTo(new AliasSplit(2, 12.5, 3)));
            Assert.That(model!.Splits[ModelAliases.Production], Is.EqualTo(new AliasSplit(2, 12.5, 3)));
            Assert.That(await registry.GetRevisionAsync(CancellationToken.None), Is.GreaterThan(revision));
        });
    }

    [Test]
    public async Task Promoting_the_canary_makes_it_the_version_clears_the_split_and_rollback_returns()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 2);
        await registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(2, 10, null), CancellationToken.None);

        var promoted = await registry.PromoteCanaryAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);
        var after = await registry.FindAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);
        await registry.RollbackAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);
        var rolledBack = await registry.FindAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((promoted.PreviousVersion, promoted.Version), Is.EqualTo(((int?)1, 2)));
            Assert.That((after!.Version, after.Split), Is.EqualTo((2, AliasSplit.None)));
            Assert.That((rolledBack!.Version, rolledBack.Split), Is.EqualTo((1, AliasSplit.None)));
        });
    }

    [Test]
    public async Task Promoting_an_alias_without_a_canary_is_a_conflict()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 1);

        var refused = Assert.ThrowsAsync<ConflictException>(() => registry.PromoteCanaryAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None));

        Assert.That(refused!.ErrorCode, Is.EqualTo("no-canary"));
    }

    [Test]
    public async Task Moving_the_alias_or_clearing_the_split_leaves_no_split()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 3);
        await registry.SetAliasSplitAsync(Tenant, Model, "staging", 1, new AliasSplit(2, 50, 3), CancellationToken.None);
        await registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(2, 50, 3), CancellationToken.None);

        await registry.SetAliasAsync(Tenant, Model, "staging", 3, CancellationToken.None);
        var cleared = await registry.ClearSplitAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);
        var staging = await registry.FindAliasAsync(Tenant, Model, "staging", CancellationToken.None);
        var production = await registry.FindAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((staging!.Version, staging.Split), Is.EqualTo((3, AliasSplit.None)));
            Assert.That((production!.Version, production.Split), Is.EqualTo((1, AliasSplit.None)));
            Assert.That(cleared.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_split_naming_a_deleted_or_unknown_version_is_not_found_and_changes_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 3);
        await registry.DeleteVersionAsync(Tenant, Model, 3, CancellationToken.None);

        var deleted = Assert.ThrowsAsync<NotFoundException>(() =>
            registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(3, 10, null), CancellationToken.None));
        var unknown = Assert.ThrowsAsync<NotFoundException>(() =>
            registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(null, 0, 9), CancellationToken.None));
        var target = await registry.FindAliasAsync(Tenant, Model, ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(deleted!.ErrorCode, Is.EqualTo("canary-version-not-found"));
            Assert.That(unknown!.ErrorCode, Is.EqualTo("shadow-version-not-found"));
            Assert.That(target!.Split, Is.EqualTo(AliasSplit.None));
        });
    }

    [Test]
    public async Task A_version_a_split_names_cannot_be_deleted()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 2);
        await registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(null, 0, 2), CancellationToken.None);

        var refused = Assert.ThrowsAsync<ConflictException>(() => registry.DeleteVersionAsync(Tenant, Model, 2, CancellationToken.None));

        Assert.That(refused!.ErrorCode, Is.EqualTo("version-aliased"));
    }

    [TestCase(2, 101.0, null, "invalid-canary-percent")]
    [TestCase(2, -1.0, null, "invalid-canary-percent")]
    [TestCase(1, 10.0, null, "canary-is-main")]
    [TestCase(null, 0.0, 1, "shadow-is-served")]
    [TestCase(2, 10.0, 2, "shadow-is-served")]
    public async Task A_split_that_cannot_be_is_refused_before_anything_is_written(int? canary, double percent, int? shadow, string errorCode)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var registry = await RegistryWithVersionsAsync(fixture, 2);

        var refused = Assert.ThrowsAsync<InvalidInputException>(() =>
            registry.SetAliasSplitAsync(Tenant, Model, ModelAliases.Production, 1, new AliasSplit(canary, percent, shadow), CancellationToken.None));

        Assert.That(refused!.ErrorCode, Is.EqualTo(errorCode));
    }

    private static async Task<SqlModelRegistry> RegistryWithVersionsAsync(StoreFixture fixture, int versions)
    {
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        for (var i = 0; i < versions; i++)
        {
            await registry.RegisterAsync(new NewModelVersion(Tenant, Model, TaskKind.Binary, "y", MetricKind.Auc, new Dictionary<string, double> { ["auc"] = 0.9 },
                [new ModelInputColumn("x", ColumnType.Numeric, false)], ["no", "yes"],
                new ModelLineage(DatasetId.New(), 1, null, "LightGbm", new Dictionary<string, object>()), new string((char)('a' + i), 64), 10),
                CancellationToken.None);
        }

        return registry;
    }
}
