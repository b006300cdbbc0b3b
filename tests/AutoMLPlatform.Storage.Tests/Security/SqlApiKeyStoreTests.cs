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

    [Test]
    public async Task The_last_active_admin_key_is_kept_and_one_of_two_goes()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlApiKeyStore(fixture.Database);
        var first = NewKey(TenantId.Default, ApiScopes.Admin);
        var second = NewKey(TenantId.Default, ApiScopes.Admin);
        var other = NewKey(TenantId.Default);
        foreach (var key in new[] { first, second, other })
        {
            await store.TryCreateAsync(key, CancellationToken.None);
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_850_000_000_000);
        var firstGoes = await store.RevokeKeepingAnAdminAsync(TenantId.Default, first.Id, at, CancellationToken.None);
        var secondStays = await store.RevokeKeepingAnAdminAsync(TenantId.Default, second.Id, at, CancellationToken.None);
        var otherGoes = await store.RevokeKeepingAnAdminAsync(TenantId.Default, other.Id, at, CancellationToken.None);
        var missing = await store.RevokeKeepingAnAdminAsync(TenantId.Default, ApiKeyId.New(), at, CancellationToken.None);

        Assert.That((firstGoes, secondStays, otherGoes, missing),
            Is.EqualTo((KeyRevocation.Revoked, KeyRevocation.LastAdmin, KeyRevocation.Revoked, KeyRevocation.NotFound)));
    }

    [Test]
    public async Task Two_admins_revoking_each_others_keys_at_once_leave_one_active()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlApiKeyStore(fixture.Database);
        var first = NewKey(TenantId.Default, ApiScopes.Admin);
        var second = NewKey(TenantId.Default, ApiScopes.Admin);
        await store.TryCreateAsync(first, CancellationToken.None);
        await store.TryCreateAsync(second, CancellationToken.None);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_850_000_000_000);

        var outcomes = await Task.WhenAll(
            Task.Run(() => store.RevokeKeepingAnAdminAsync(TenantId.Default, first.Id, at, CancellationToken.None)),
            Task.Run(() => store.RevokeKeepingAnAdminAsync(TenantId.Default, second.Id, at, CancellationToken.None)));
        var active = (await store.ListAsync(TenantId.Default, CancellationToken.None)).Count(k => k.IsActive(at));

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EquivalentTo(new[] { KeyRevocation.Revoked, KeyRevocation.LastAdmin }));
            Assert.That(active, Is.EqualTo(1));
        });
    }

    private static ApiKey NewKey(TenantId tenant, ApiScopes scopes) => NewKey(tenant) with { Scopes = scopes };

    private static ApiKey NewKey(TenantId tenant) => new(ApiKeyId.New(), tenant, "ci", ApiScopes.Train | ApiScopes.Predict,
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000), DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), null);
}
