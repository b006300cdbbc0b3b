using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Datasets;

namespace AutoMLPlatform.Storage.Tests.Datasets;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlDatasetStoreTests(StorageProvider provider)
{
    private static readonly DatasetSchema Schema = new([new ColumnProfile("x", ColumnType.Numeric, 0, 3)]);

    [Test]
    public async Task Adding_to_an_existing_name_creates_the_next_version_of_the_same_dataset()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);

        var first = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("a"), CancellationToken.None);
        var second = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("b"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.DatasetId, Is.EqualTo(first.DatasetId));
            Assert.That((first.Version, second.Version), Is.EqualTo((1, 2)));
        });
    }

    [Test]
    public async Task A_version_based_on_the_newest_one_is_added_after_it()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);
        var first = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("a"), CancellationToken.None);

        var appended = await store.TryAddVersionAfterAsync(TenantId.Default, first.DatasetId, 1, NewVersion("a+b"), CancellationToken.None);

        Assert.That((appended?.Version, appended?.Sha256), Is.EqualTo(((int?)2, Sha("a+b"))));
    }

    [Test]
    public async Task A_version_based_on_an_older_one_is_not_added()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);
        var first = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("a"), CancellationToken.None);
        await store.TryAddVersionAfterAsync(TenantId.Default, first.DatasetId, 1, NewVersion("a+b"), CancellationToken.None);

        var late = await store.TryAddVersionAfterAsync(TenantId.Default, first.DatasetId, 1, NewVersion("a+c"), CancellationToken.None);
        var versions = await store.ListVersionsAsync(TenantId.Default, first.DatasetId, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(late, Is.Null);
            Assert.That(versions.Select(v => v.Sha256), Is.EqualTo(new[] { Sha("a+b"), Sha("a") }));
        });
    }

    [Test]
    public async Task A_dataset_reads_back_with_its_newest_version_and_schema()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);
        var first = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("a"), CancellationToken.None);
        await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("b"), CancellationToken.None);

        var found = await store.FindAsync(TenantId.Default, first.DatasetId, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Latest.Version, Is.EqualTo(2));
            Assert.That(found.Latest.Sha256, Is.EqualTo(Sha("b")));
            Assert.That(found.Latest.Schema.Columns, Is.EqualTo(Schema.Columns));
        });
    }

    [Test]
    public async Task Another_tenant_does_not_see_the_dataset()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);
        var version = await store.AddVersionAsync(TenantId.Default, "credit", NewVersion("a"), CancellationToken.None);

        var found = await store.FindAsync(TenantId.New(), version.DatasetId, CancellationToken.None);

        Assert.That(found, Is.Null);
    }

    [Test]
    public async Task Concurrent_uploads_to_one_name_get_distinct_version_numbers()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);

        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.AddVersionAsync(TenantId.Default, "shared", NewVersion(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None))));

        Assert.That(versions.Select(v => v.Version).Order(), Is.EqualTo(Enumerable.Range(1, 8)));
    }

    [Test]
    public async Task Deleting_a_dataset_hides_it_frees_its_name_and_names_only_the_files_nothing_else_uses()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, Tenancy.FixedLimits.None);
        var doomed = await store.AddVersionAsync(TenantId.Default, "doomed", NewVersion("only-here"), CancellationToken.None);
        await store.AddVersionAsync(TenantId.Default, "doomed", NewVersion("shared"), CancellationToken.None);
        await store.AddVersionAsync(TenantId.Default, "keeper", NewVersion("shared"), CancellationToken.None);

        var orphans = await store.DeleteAsync(TenantId.Default, doomed.DatasetId, CancellationToken.None);
        var reused = await store.AddVersionAsync(TenantId.Default, "doomed", NewVersion("new"), CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(orphans, Is.EqualTo(new[] { Sha("only-here") }));
            Assert.That(await store.FindAsync(TenantId.Default, doomed.DatasetId, CancellationToken.None), Is.Null);
            Assert.That(await store.FindVersionAsync(TenantId.Default, doomed.DatasetId, 1, CancellationToken.None), Is.Null);
            Assert.That(reused.DatasetId, Is.Not.EqualTo(doomed.DatasetId));
            Assert.That(reused.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Two_uploads_at_once_cannot_both_pass_a_storage_quota_only_one_fits()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlDatasetStore(fixture.Database, TimeProvider.System, new Tenancy.FixedLimits(maxStoredBytes: 15));
        var uploads = Enumerable.Range(0, 4).Select(i => Task.Run(() => store.AddVersionAsync(TenantId.Default, $"d{i}", NewVersion($"content {i}"), CancellationToken.None)));

        var outcomes = await Task.WhenAll(uploads.Select(async u =>
        {
            try
            {
                await u;
                return "stored";
            }
            catch (Core.Common.LimitExceededException ex)
            {
                return ex.ErrorCode;
            }
        }));

        Assert.That(outcomes.Order(), Is.EqualTo(new[] { "storage-quota", "storage-quota", "storage-quota", "stored" }));
    }

    private static NewDatasetVersion NewVersion(string content) => new(Sha(content), 10, 3, DatasetFormat.Csv, Schema);

    private static string Sha(string content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
}
