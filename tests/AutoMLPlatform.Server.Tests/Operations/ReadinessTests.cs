using System.Net;

namespace AutoMLPlatform.Server.Tests.Operations;

public class ReadinessTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Health_answers_200_listing_the_store_the_data_directory_and_the_hangfire_server_as_healthy()
    {
        using var factory = new PlatformFactory();
        using var http = factory.CreateClient();

        var (status, contentType, body) = await HealthProbe.WaitForAsync(http, a => a.Status == HttpStatusCode.OK, Settle);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(contentType, Is.EqualTo("application/json"));
            Assert.That((string?)body["status"], Is.EqualTo("healthy"));
            Assert.That(HealthProbe.CheckStatus(body, "store"), Is.EqualTo("healthy"));
            Assert.That(HealthProbe.CheckStatus(body, "data-directory"), Is.EqualTo("healthy"));
            Assert.That(HealthProbe.CheckStatus(body, "hangfire-server"), Is.EqualTo("healthy"));
        });
    }

    [Test]
    public async Task Health_answers_503_naming_the_data_directory_when_its_free_space_is_below_the_minimum_while_alive_stays_200()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:MinimumFreeSpaceMegabytes"] = "1000000000000" });
        using var http = factory.CreateClient();

        var (status, contentType, body) = await HealthProbe.WaitForAsync(http, a => HealthProbe.CheckStatus(a.Body, "hangfire-server") == "healthy", Settle);
        using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(contentType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)body["errorCode"], Is.EqualTo("not-ready"));
            Assert.That(body["failing"]!.AsArray().Select(f => (string?)f), Is.EqualTo(new[] { "data-directory" }));
            Assert.That((string?)body["checks"]!.AsArray().Single(c => (string?)c!["name"] == "data-directory")!["description"], Does.Contain("below the minimum"));
            Assert.That(alive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
