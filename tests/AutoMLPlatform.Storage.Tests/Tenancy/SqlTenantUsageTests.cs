using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Datasets;
using AutoMLPlatform.Storage.Registry;
using AutoMLPlatform.Storage.Tenancy;

namespace AutoMLPlatform.Storage.Tests.Tenancy;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlTenantUsageTests(StorageProvider provider)
{
    private static readonly DatasetSchema Schema = new([new ColumnProfile("x", ColumnType.Numeric, 0, 3)]);

    [Test]
    public async Task Deleting_a_dataset_and_a_model_version_frees_their_bytes()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (datasets, registry, usage) = Stores(fixture);
        var dataset = await datasets.AddVersionAsync(TenantId.Default, "churn", NewDataset('a', 1000), CancellationToken.None);
        await registry.RegisterAsync(NewModel('m', 300), CancellationToken.None);
        await registry.RegisterAsync(NewModel('n', 200), CancellationToken.None);
        var before = await usage.StoredBytesAsync(TenantId.Default, CancellationToken.None);

        await datasets.DeleteAsync(TenantId.Default, dataset.DatasetId, CancellationToken.None);
        await registry.DeleteVersionAsync(TenantId.Default, "churn", 2, CancellationToken.None);
        var after = await usage.StoredBytesAsync(TenantId.Default, CancellationToken.None);

        Assert.That((before, after), Is.EqualTo((1500L, 300L)));
    }

    [Test]
    public async Task The_same_bytes_stored_under_two_versions_count_once_as_they_are_kept_once()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (datasets, registry, usage) = Stores(fixture);

        await datasets.AddVersionAsync(TenantId.Default, "churn", NewDataset('a', 1000), CancellationToken.None);
        await datasets.AddVersionAsync(TenantId.Default, "churn-copy", NewDataset('a', 1000), CancellationToken.None);
        await registry.RegisterAsync(NewModel('m', 300), CancellationToken.None);
        await registry.RegisterAsync(NewModel('m', 300), CancellationToken.None);

        Assert.That(await usage.StoredBytesAsync(TenantId.Default, CancellationToken.None), Is.EqualTo(1300));
    }

    private static (SqlDatasetStore, SqlModelRegistry, SqlTenantUsage) Stores(StoreFixture fixture) =>
        (new SqlDatasetStore(fixture.Database, TimeProvider.System, FixedLimits.None), new SqlModelRegistry(fixture.Database, TimeProvider.System), new SqlTenantUsage(fixture.Database));

    private static NewDatasetVersion NewDataset(char content, long size) => new(new string(content, 64), size, 3, DatasetFormat.Csv, Schema);

    private static NewModelVersion NewModel(char content, long size) => new(TenantId.Default, "churn", TaskKind.Binary, "y", MetricKind.Auc,
        new Dictionary<string, double> { ["auc"] = 0.9 }, [new ModelInputColumn("x", ColumnType.Numeric, false)], ["no", "yes"],
        new ModelLineage(DatasetId.New(), 1, JobId.New(), "LightGbm", new Dictionary<string, object>()), new string(content, 64), size);
}
