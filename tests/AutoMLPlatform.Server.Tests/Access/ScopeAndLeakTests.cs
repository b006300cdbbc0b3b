using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Access;

/// <summary>What a key may see beyond its tenant's own resources: metrics, exports, the dashboard, the last admin key.</summary>
public class ScopeAndLeakTests
{
    [Test]
    public async Task Metrics_need_a_system_admin_key_another_tenants_admin_and_a_read_key_are_refused()
    {
        using var factory = new PlatformFactory();
        using var admin = factory.Api();
        using var other = factory.Api(await TenantAdminKeyAsync(admin, "other"));
        using var reader = factory.Api(await KeyAsync(admin, "read"));

        using var asAdmin = await admin.Http.GetAsync("/metrics");
        using var asOther = await other.Http.GetAsync("/metrics");
        using var asReader = await reader.Http.GetAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(asOther.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(asReader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Onnx_export_needs_the_train_scope_that_reading_the_training_data_needs()
    {
        using var factory = new PlatformFactory();
        using var admin = factory.Api();
        using var reader = factory.Api(await KeyAsync(admin, "read"));
        using var trainer = factory.Api(await KeyAsync(admin, "train"));

        using var asReader = await reader.Http.GetAsync("/api/models/rule/versions/1/onnx");
        using var asTrainer = await trainer.Http.GetAsync("/api/models/rule/versions/1/onnx");
        var problem = await ApiClient.ProblemAsync(asTrainer, HttpStatusCode.NotFound, "model-not-found");

        Assert.Multiple(() =>
        {
            Assert.That(asReader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("model-not-found"));
        });
    }

    [Test]
    public async Task The_system_tenants_last_admin_key_cannot_be_revoked_until_another_exists()
    {
        using var factory = new PlatformFactory();
        using var admin = factory.Api();
        var bootstrap = (string)JsonNode.Parse(await admin.Http.GetStringAsync("/api/keys"))!.AsArray().Single()!["id"]!;

        using var refused = await admin.Http.DeleteAsync($"/api/keys/{bootstrap}");
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.Conflict);
        using var second = factory.Api(await KeyAsync(admin, "admin"));
        using var revoked = await second.Http.DeleteAsync($"/api/keys/{bootstrap}");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("last-system-admin-key"));
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task A_tenants_own_keys_are_revoked_as_before()
    {
        using var factory = new PlatformFactory();
        using var admin = factory.Api();
        using var other = factory.Api(await TenantAdminKeyAsync(admin, "other"));
        var otherKey = (string)JsonNode.Parse(await other.Http.GetStringAsync("/api/keys"))!.AsArray().Single()!["id"]!;

        using var revoked = await other.Http.DeleteAsync($"/api/keys/{otherKey}");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [TestCase("127.0.0.1", HttpStatusCode.OK)]
    [TestCase("::1", HttpStatusCode.OK)]
    [TestCase("192.0.2.10", HttpStatusCode.Forbidden)]
    public async Task The_dashboard_opens_only_from_this_machine_even_to_a_system_admin_key(string remote, HttpStatusCode expected)
    {
        using var platform = new PlatformFactory();
        using var factory = platform.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remote)))));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlatformFactory.AdminKey);

        using var response = await client.GetAsync("/hangfire");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    private static async Task<string> KeyAsync(ApiClient admin, string scope)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/keys", new { name = scope, scopes = new[] { scope } });
        return (string)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created))["key"]!;
    }

    private static async Task<string> TenantAdminKeyAsync(ApiClient admin, string name)
    {
        using var response = await admin.PostJsonAsync("/api/tenants", new { name });
        return (string)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created))["adminKey"]!["key"]!;
    }
}
