using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AutoMLPlatform.Server.Tests;

/// <summary>The real server in-process over a temporary data directory; settings may override any configuration key.</summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    public PlatformFactory(Dictionary<string, string?>? settings = null)
    {
        _settings = settings ?? [];
    }

    /// <summary>The system tenant's admin key, bootstrapped from configuration at start.</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789abcdef";

    public string DataDirectory => _directory.Path;

    /// <summary>A client sending <paramref name="key"/> (the admin key by default; null for none).</summary>
    public ApiClient Api(string? key = AdminKey)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return new ApiClient(client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMLPlatform:DataDirectory", _directory.Path);
        builder.UseSetting("AutoMLPlatform:Scoring:ReloadPollInterval", "00:00:00.200");
        builder.UseSetting("AutoMLPlatform:Security:BootstrapKey", AdminKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }
}
