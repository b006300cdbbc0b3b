using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Access;

public class DashboardAuditTests
{
    [Test]
    public async Task A_dashboard_action_is_audited_with_the_key_the_action_and_the_job_ids_and_a_page_view_is_not()
    {
        using var platform = new PlatformFactory();
        using var factory = platform.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Loopback))));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlatformFactory.AdminKey);
        using var admin = platform.Api();

        using var page = await client.GetAsync("/hangfire/jobs/enqueued");
        using var form = new FormUrlEncodedContent([new("jobs[]", "4711"), new("jobs[]", "4712")]);
        using var action = await client.PostAsync("/hangfire/jobs/enqueued/delete", form);
        var entries = (await admin.GetObjectAsync("/api/audit"))["items"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(entries.Select(e => (string?)e!["action"]), Is.EqualTo(new[] { "dashboard.jobs/enqueued/delete" }));
            Assert.That((string?)entries[0]!["target"], Is.EqualTo("jobs=4711,4712"));
            Assert.That((string?)entries[0]!["keyId"], Is.Not.Null);
        });
    }
}
