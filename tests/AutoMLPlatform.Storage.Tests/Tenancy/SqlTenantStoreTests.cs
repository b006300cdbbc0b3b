using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Tenancy;

namespace AutoMLPlatform.Storage.Tests.Tenancy;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlTenantStoreTests(StorageProvider provider)
{
    [Test]
    public async Task Only_the_first_of_two_data_keys_is_kept()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var tenant = new Tenant(TenantId.New(), "acme", DateTimeOffset.UnixEpoch);
        await store.TryCreateAsync(tenant, CancellationToken.None);

        var first = await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [1, 2, 3]), CancellationToken.None);
        var second = await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [4, 5, 6]), CancellationToken.None);
        var kept = await store.FindDataKeyAsync(tenant.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That(kept!.Ciphertext, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task Deleting_a_tenant_destroys_its_data_key()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var tenant = new Tenant(TenantId.New(), "acme", DateTimeOffset.UnixEpoch);
        await store.TryCreateAsync(tenant, CancellationToken.None);
        await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [1, 2, 3]), CancellationToken.None);

        await store.DeleteAsync(tenant.Id, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await store.FindDataKeyAsync(tenant.Id, CancellationToken.None), Is.Null);
            Assert.That(await store.FindAsync(tenant.Id, CancellationToken.None), Is.Null);
            Assert.That(await store.ListDataKeysAsync(CancellationToken.None), Is.Empty);
        });
    }
}
