using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Security.Masking;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Security.Tests.Masking;

public class TenantKeyedHashersTests
{
    private const string Value = "jane@example.com";

    private PlatformStores _stores = null!;
    private ITenantStore _tenants = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _stores = await PlatformStores.StartAsync();
        _tenants = _stores.Services.GetRequiredService<ITenantStore>();
    }

    [TearDown]
    public async Task StopAsync() => await _stores.DisposeAsync();

    [Test]
    public async Task Two_tenants_hash_the_same_value_differently()
    {
        var hashers = _stores.Services.GetRequiredService<IKeyedHasherSource>();
        var (first, second) = (await NewTenantAsync("first"), await NewTenantAsync("second"));

        var firstHash = (await hashers.ForTenantAsync(first, CancellationToken.None)).Hash(Value);
        var secondHash = (await hashers.ForTenantAsync(second, CancellationToken.None)).Hash(Value);

        Assert.Multiple(() =>
        {
            Assert.That(secondHash, Is.Not.EqualTo(firstHash));
            Assert.That(firstHash, Does.Match("^[0-9a-f]{16}$"));
        });
    }

    [Test]
    public async Task A_tenant_hashes_a_value_the_same_after_the_master_key_is_rotated()
    {
        var keyRing = _stores.Services.GetRequiredService<TenantKeyRing>();
        var tenant = await NewTenantAsync("rotating");
        var before = (await new TenantKeyedHashers(keyRing).ForTenantAsync(tenant, CancellationToken.None)).Hash(Value);
        var next = MasterKey.Generate();

        await TenantKeyRing.RewrapAllAsync(_tenants, keyRing.Master, next, CancellationToken.None);
        var after = (await new TenantKeyedHashers(new TenantKeyRing(_tenants, next)).ForTenantAsync(tenant, CancellationToken.None)).Hash(Value);

        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task A_deleted_tenant_has_no_hasher_rather_than_one_under_a_new_key()
    {
        var keyRing = _stores.Services.GetRequiredService<TenantKeyRing>();
        var hashers = _stores.Services.GetRequiredService<IKeyedHasherSource>();
        var tenant = await NewTenantAsync("leaving");
        await hashers.ForTenantAsync(tenant, CancellationToken.None);

        await _tenants.DeleteAsync(tenant, CancellationToken.None);
        keyRing.Forget(tenant);

        Assert.ThrowsAsync<TenantGoneException>(() => hashers.ForTenantAsync(tenant, CancellationToken.None));
    }

    private async Task<TenantId> NewTenantAsync(string name)
    {
        var tenant = new Tenant(TenantId.New(), name, DateTimeOffset.UtcNow);
        await _tenants.TryCreateAsync(tenant, CancellationToken.None);
        return tenant.Id;
    }
}
