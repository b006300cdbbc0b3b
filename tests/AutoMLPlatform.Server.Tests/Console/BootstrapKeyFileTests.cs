using System.Net;
using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Console;

/// <summary>
/// <c>GET /api/bootstrap-key-file</c>, which the console's sign-in page reads to name the real key file. The in-process
/// server has no client address, so each test gives the connection one (loopback or not) ahead of the pipeline.
/// </summary>
public class BootstrapKeyFileTests
{
    [Test]
    public async Task A_caller_on_this_machine_is_told_the_absolute_path_of_the_key_file_the_server_wrote()
    {
        using var platform = new PlatformFactory(new() { [TestKeys.BootstrapSetting] = "" });
        using var local = From(platform, IPAddress.Loopback);

        var answer = await ReadAsync(local, HttpStatusCode.OK);

        var expected = Path.Combine(Path.GetFullPath(platform.DataDirectory), "secrets", "bootstrap.key");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer["path"], Is.EqualTo(expected));
            Assert.That((bool?)answer["exists"], Is.True);
            Assert.That(File.Exists(expected), Is.True, "the file the answer names is the one the server wrote");
        });
    }

    [Test]
    public async Task An_ipv6_loopback_caller_is_on_this_machine_too()
    {
        using var platform = new PlatformFactory(new() { [TestKeys.BootstrapSetting] = "" });
        using var local = From(platform, IPAddress.IPv6Loopback);

        var answer = await ReadAsync(local, HttpStatusCode.OK);

        Assert.That((bool?)answer["exists"], Is.True);
    }

    [Test]
    public async Task When_the_first_key_came_from_configuration_the_answer_says_no_file_exists()
    {
        using var platform = new PlatformFactory();
        using var local = From(platform, IPAddress.Loopback);

        var answer = await ReadAsync(local, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That((string?)answer["path"], Is.EqualTo(Path.Combine(Path.GetFullPath(platform.DataDirectory), "secrets", "bootstrap.key")));
            Assert.That((bool?)answer["exists"], Is.False);
        });
    }

    [Test]
    public async Task A_caller_from_another_machine_gets_403_and_no_path()
    {
        using var platform = new PlatformFactory(new() { [TestKeys.BootstrapSetting] = "" });
        using var remote = From(platform, IPAddress.Parse("192.0.2.7"));

        using var response = await remote.GetAsync(new Uri("/api/bootstrap-key-file", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("local-requests-only"));
            Assert.That(body, Does.Not.Contain(platform.DataDirectory));
        });
    }

    [Test]
    public async Task A_caller_whose_address_is_unknown_is_treated_as_remote()
    {
        using var platform = new PlatformFactory(new() { [TestKeys.BootstrapSetting] = "" });
        using var unknown = platform.CreateClient();

        using var response = await unknown.GetAsync(new Uri("/api/bootstrap-key-file", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static HttpClient From(PlatformFactory platform, IPAddress address) =>
        platform.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(address))))
            .CreateClient();

    private static async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(HttpClient client, HttpStatusCode status)
    {
        using var response = await client.GetAsync(new Uri("/api/bootstrap-key-file", UriKind.Relative));
        return await ApiClient.ReadObjectAsync(response, status);
    }

    /// <summary>Sets the connection's remote address before anything else sees the request, as Kestrel would.</summary>
    private sealed class ClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
