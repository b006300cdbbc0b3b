using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Client.Tests;

/// <summary>
/// The real platform in process over a temporary data directory, and clients of it that send their requests through
/// the in-memory test server (beneath the client's own retry handler, as a socket handler would be).
/// </summary>
public sealed class PlatformHost : WebApplicationFactory<Program>
{
    public const string AdminKey = TestKeys.Admin;

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    public PlatformHost(Dictionary<string, string?>? settings = null) => _settings = settings ?? [];

    /// <summary>A client with <paramref name="key"/> (the system admin's by default; null for none).</summary>
    public AutoMLPlatformClient Client(string? key = AdminKey, Action<AutoMLPlatformClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new AutoMLPlatformClientOptions { BaseAddress = new Uri("http://localhost/"), ApiKey = key, RetryDelay = TimeSpan.FromMilliseconds(200) };
        configure?.Invoke(options);
        return AutoMLPlatformClient.Create(options, Server.CreateHandler(), loggerFactory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AutoMLPlatform:DataDirectory", _directory.Path);
        builder.UseSetting("AutoMLPlatform:Pipelines:Directory", Path.Combine(_directory.Path, "no-pipelines"));
        builder.UseSetting("AutoMLPlatform:Scoring:ReloadPollInterval", "00:00:00.200");
        builder.UseSetting(TestKeys.BootstrapSetting, AdminKey);
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
