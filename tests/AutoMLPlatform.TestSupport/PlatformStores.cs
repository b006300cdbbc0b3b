using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Security;
using AutoMLPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// The real stores over a temporary data directory, composed the way the hosts compose them (SQLite, files),
/// migrated and ready. Extra services can be added before it starts.
/// </summary>
public sealed class PlatformStores : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory? _ownedDirectory;

    private PlatformStores(IHost host, string dataDirectory, TempDirectory? ownedDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
        _ownedDirectory = ownedDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _host.Services;

    public IDatasetStore Datasets => Services.GetRequiredService<IDatasetStore>();

    public IJobStore Jobs => Services.GetRequiredService<IJobStore>();

    public IModelRegistry Registry => Services.GetRequiredService<IModelRegistry>();

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    /// <summary>Starts stores over <paramref name="dataDirectory"/>, or over a fresh temporary one that is deleted on dispose.</summary>
    public static async Task<PlatformStores> StartAsync(string? dataDirectory = null, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var directory = dataDirectory ?? owned!.Path;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = directory;
        builder.Configuration[TestKeys.BootstrapSetting] = TestKeys.Admin;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddPlatformStorage();
        builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new PlatformStores(host, directory, owned);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ownedDirectory?.Dispose();
    }
}
