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

    public string DataDirectory => _directory.Path;

    public ApiClient Api() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMLPlatform:DataDirectory", _directory.Path);
        builder.UseSetting("AutoMLPlatform:Scoring:ReloadPollInterval", "00:00:00.200");
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
