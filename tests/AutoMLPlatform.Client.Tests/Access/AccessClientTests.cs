using System.Net;
using AutoMLPlatform.Client.Access;

namespace AutoMLPlatform.Client.Tests.Access;

public class AccessClientTests
{
    private PlatformHost _host = null!;
    private AutoMLPlatformClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new PlatformHost();
        _admin = _host.Client();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _admin.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_tenant_admin_creates_lists_and_revokes_a_key_which_then_answers_401()
    {
        var tenant = await _admin.Tenants.CreateAsync("keys-team");
        using var tenantAdmin = _host.Client(tenant.AdminKey.Key);
        var created = await tenantAdmin.Keys.CreateAsync("shop", [ApiScopes.Read], DateTimeOffset.UtcNow.AddDays(1));
        using var shop = _host.Client(created.Key);
        var before = await shop.Models.ListAsync();

        await tenantAdmin.Keys.RevokeAsync(created.Id);
        var listed = await tenantAdmin.Keys.ListAsync();
        var error = await RefusalWithinAsync(TimeSpan.FromSeconds(10), () => shop.Models.ListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(created.Scopes, Is.EqualTo(new[] { ApiScopes.Read }));
            Assert.That(before.Items, Is.Empty);
            Assert.That(listed.Single(k => k.Id == created.Id).RevokedAt, Is.Not.Null);
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.ErrorCode, Is.Not.Null);
        });
    }

    [Test]
    public async Task Tenants_are_listed_and_deleted_by_the_system_admin()
    {
        var tenant = await _admin.Tenants.CreateAsync("short-lived-team");

        var listed = await _admin.Tenants.ListAsync();
        await _admin.Tenants.DeleteAsync(tenant.Id);
        var afterwards = await _admin.Tenants.ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Does.Contain("short-lived-team"));
            Assert.That(afterwards.Select(t => t.Id), Does.Not.Contain(tenant.Id));
        });
    }

    [Test]
    public async Task A_tenant_admin_reads_its_audit_entries_but_may_not_verify_the_whole_chain_403()
    {
        var tenant = await _admin.Tenants.CreateAsync("audited-team");
        using var tenantAdmin = _host.Client(tenant.AdminKey.Key);
        await tenantAdmin.Keys.CreateAsync("audited", [ApiScopes.Predict]);

        var entries = await tenantAdmin.Audit.ListAsync();
        var verification = await _admin.Audit.VerifyAsync();
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => tenantAdmin.Audit.VerifyAsync());

        Assert.Multiple(() =>
        {
            Assert.That(entries.Items.Select(e => e.Action), Does.Contain("key.create"));
            Assert.That(verification.Intact, Is.True);
            Assert.That(verification.Entries, Is.Positive);
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public void A_call_without_a_key_is_401_with_the_problem_details()
    {
        using var anonymous = _host.Client(key: null);

        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => anonymous.Datasets.ListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.ErrorCode, Is.EqualTo("unauthenticated"));
            Assert.That(error.Title, Is.EqualTo("An API key is required."));
            Assert.That(error.Type, Does.StartWith("https://"));
            Assert.That(error.TraceId, Is.Not.Empty);
        });
    }

    /// <summary>A revocation reaches every process within a second: the first refusal of <paramref name="call"/> within <paramref name="limit"/>.</summary>
    private static async Task<AutoMLPlatformException> RefusalWithinAsync(TimeSpan limit, Func<Task> call)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                await call();
            }
            catch (AutoMLPlatformException ex)
            {
                return ex;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"The call was still accepted after {limit}.");
            }

            await Task.Delay(100);
        }
    }
}
