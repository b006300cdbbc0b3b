using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Client.Tests;

public class DependencyInjectionTests
{
    [Test]
    public async Task The_client_registered_with_the_http_client_factory_calls_the_platform_with_its_key()
    {
        using var host = new PlatformHost();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAutoMLPlatformClient(o =>
            {
                o.BaseAddress = new Uri("http://localhost");
                o.ApiKey = PlatformHost.AdminKey;
            })
            .ConfigurePrimaryHttpMessageHandler(() => host.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AutoMLPlatformClient>();
        var tenants = await client.Tenants.ListAsync();

        Assert.That(tenants.Select(t => t.Name), Does.Contain("system"));
    }

    [Test]
    public void Invalid_options_stop_the_client_from_being_made()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAutoMLPlatformClient(o => o.MaxRetries = 99);
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<AutoMLPlatformClient>(), Throws.InstanceOf<OptionsValidationException>());
    }
}
