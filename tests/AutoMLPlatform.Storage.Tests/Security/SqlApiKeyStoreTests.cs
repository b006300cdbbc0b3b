using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Security;

namespace AutoMLPlatform.Storage.Tests.Security;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlApiKeyStoreTests(StorageProvider provider)
{
    [Test]
    public async Task A_key_is_found_by_its_hash_with_its_scopes()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlApiKeyStore(fixture.Database);
        var key = NewKey(TenantId.Default);

        await store.TryCreateAsync(key, CancellationToken.None);
        var found = await store.FindByHashAsync(key.Sha256, CancellationToken.None);

        Assert.That(found, Is.EqualTo(key));
    }

    [Test]
    public async Task Revoking_is_limited_to_the_owning_tenant()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlApiKeyStore(fixture.Database);
        var key = NewKey(TenantId.Default);
        await store.TryCreateAsync(key, CancellationToken.None);

        var byOther = await store.RevokeAsync(TenantId.New(), key.Id, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var byOwner = await store.RevokeAsync(TenantId.Default, key.Id, DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None);
        var found = await store.FindByHashAsync(key.Sha256, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((byOther, byOwner), Is.EqualTo((false, true)));
            Assert.That(found!.IsActive(DateTimeOffset.UnixEpoch.AddDays(2)), Is.False);
        });
    }

    private static ApiKey NewKey(TenantId tenant) => new(ApiKeyId.New(), tenant, "ci", ApiScopes.Train | ApiScopes.Predict,
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000), DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), null);
}
