using AutoMLPlatform.Scoring;
using AutoMLPlatform.Security;
using AutoMLPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>The stores and scoring services over the benchmark's data directory, composed as a worker process composes them.</summary>
internal static class BenchHost
{
    public static async Task<IHost> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory;
        builder.Services.AddPlatformStorage();
        builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory, bootstrap: false);
        builder.Services.AddScoring();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
