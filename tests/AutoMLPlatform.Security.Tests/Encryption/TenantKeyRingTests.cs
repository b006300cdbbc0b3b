using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Security.Tests.Encryption;

/// <summary>
/// One process's key ring, while the tenant is deleted through the store as another process (the API) would delete
/// it: this ring is not told, so only its own rechecks can make it let go.
/// </summary>
public class TenantKeyRingTests
{
    private PlatformStores _stores = null!;
    private ITenantStore _tenants = null!;
    private FakeTimeProvider _clock = null!;
    private TenantKeyRing _ring = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _stores = await PlatformStores.StartAsync();
        _tenants = _stores.Services.GetRequiredService<ITenantStore>();
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _ring = new TenantKeyRing(_tenants, _stores.Services.GetRequiredService<TenantKeyRing>().Master, _clock,
            Options.Create(new SecurityOptions { DataKeyRecheckInterval = TimeSpan.FromSeconds(5) }));
    }

    [TearDown]
    public async Task StopAsync() => await _stores.DisposeAsync();

    [Test]
    public async Task A_key_held_in_memory_is_refused_once_the_recheck_interval_passed_after_its_tenant_was_deleted_elsewhere()
    {
        var tenant = await NewTenantAsync();
        await _ring.GetAsync(tenant, CancellationToken.None);

        await _tenants.DeleteAsync(tenant, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<TenantGoneException>(() => _ring.GetAsync(tenant, CancellationToken.None));
            Assert.That(_ring.Held, Does.Not.Contain(tenant));
        });
    }

    [Test]
    public async Task The_sweep_drops_the_key_of_a_tenant_deleted_elsewhere_and_keeps_the_others()
    {
        var (gone, kept) = (await NewTenantAsync(), await NewTenantAsync());
        await _ring.GetAsync(gone, CancellationToken.None);
        await _ring.GetAsync(kept, CancellationToken.None);
        await _tenants.DeleteAsync(gone, CancellationToken.None);

        var forgotten = await _ring.ForgetDeletedAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(forgotten, Is.EqualTo(new[] { gone }));
            Assert.That(_ring.Held, Is.EquivalentTo(new[] { kept }));
        });
    }

    [Test]
    public async Task A_live_tenant_s_key_is_the_same_key_after_a_recheck()
    {
        var tenant = await NewTenantAsync();
        var before = (byte[])(await _ring.GetAsync(tenant, CancellationToken.None)).Clone();

        _clock.Advance(TimeSpan.FromSeconds(6));
        var after = await _ring.GetAsync(tenant, CancellationToken.None);

        Assert.That(after, Is.EqualTo(before));
    }

    private async Task<TenantId> NewTenantAsync()
    {
        var tenant = new Tenant(TenantId.New(), "team", DateTimeOffset.UtcNow);
        await _tenants.TryCreateAsync(tenant, CancellationToken.None);
        return tenant.Id;
    }
}
