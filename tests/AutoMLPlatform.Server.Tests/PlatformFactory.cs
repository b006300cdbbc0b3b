using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AutoMLPlatform.Server.Tests;

/// <summary>
/// The real server in-process over a temporary data directory (or a given one, which the caller owns, to restart over
/// the same data); settings may override any configuration key. No pipeline files are loaded unless a test names a
/// pipelines directory.
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _directory;
    private readonly Dictionary<string, string?> _settings;

    public PlatformFactory(Dictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        _settings = settings ?? [];
        _directory = dataDirectory is null ? new TempDirectory() : null;
        DataDirectory = dataDirectory ?? _directory!.Path;
    }

    /// <summary>The system tenant's admin key, bootstrapped from configuration at start.</summary>
    public const string AdminKey = TestKeys.Admin;

    public string DataDirectory { get; }

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
        builder.UseSetting("AutoMLPlatform:DataDirectory", DataDirectory);
        builder.UseSetting("AutoMLPlatform:Pipelines:Directory", Path.Combine(DataDirectory, "no-pipelines"));
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
            _directory?.Dispose();
        }
    }
}
