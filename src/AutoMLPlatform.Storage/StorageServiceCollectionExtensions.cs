using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Blobs;
using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.Storage.Datasets;
using AutoMLPlatform.Storage.Drift;
using AutoMLPlatform.Storage.Feedback;
using AutoMLPlatform.Storage.Health;
using AutoMLPlatform.Storage.Insight;
using AutoMLPlatform.Storage.Jobs;
using AutoMLPlatform.Storage.Audit;
using AutoMLPlatform.Storage.Pipelines;
using AutoMLPlatform.Storage.Registry;
using AutoMLPlatform.Storage.Security;
using AutoMLPlatform.Storage.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Storage;

/// <summary>Registers the stores chosen by <see cref="StorageOptions"/>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>How long a readiness check may take: a store that answers slower than this is not ready.</summary>
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddPlatformStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StoreDatabase>(sp => CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<LegacyPredictionLog>();
        // The quotas (ITenantLimits) come from the security registration; the stores check them inside their write
        // transactions, so they are given explicitly and a host without them fails at start instead of storing unchecked.
        services.AddSingleton<IDatasetStore>(sp => new SqlDatasetStore(sp.GetRequiredService<StoreDatabase>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ITenantLimits>()));
        services.AddSingleton<IJobStore>(sp => new SqlJobStore(sp.GetRequiredService<StoreDatabase>(), sp.GetRequiredService<ITenantLimits>()));
        services.AddSingleton<IJobPartStore, SqlJobPartStore>();
        services.AddSingleton<IModelRegistry, SqlModelRegistry>();
        services.AddSingleton<IModelInsightStore, SqlModelInsightStore>();
        services.AddSingleton<IDriftStore, SqlDriftStore>();
        services.AddSingleton<IPredictionLogStore, SqlPredictionLogStore>();
        services.AddSingleton<IPipelineStore, SqlPipelineStore>();
        services.AddSingleton<ITenantStore, SqlTenantStore>();
        services.AddSingleton<IApiKeyStore, SqlApiKeyStore>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        services.AddSingleton<ITenantUsage, SqlTenantUsage>();
        services.AddSingleton<IBlobStore>(sp => new FileBlobStore(BlobRoot(sp), sp.GetRequiredService<IBlobCipher>()));
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, timeout: HealthCheckTimeout)
            .AddCheck<DataDirectoryHealthCheck>(DataDirectoryHealthCheck.Name, timeout: HealthCheckTimeout);
        return services;
    }

    /// <summary>
    /// Adds the background sweep that removes blobs no row names and leftover staging and temporary files, after
    /// <see cref="StorageOptions.OrphanGracePeriod"/>; its count is on the meter <see cref="BlobSweepMeterName"/>. For the
    /// processes that delete data (api and all-in-one); several may run it at once.
    /// </summary>
    public static IServiceCollection AddBlobSweep(this IServiceCollection services)
    {
        services.AddSingleton(sp => new BlobSweep(BlobRoot(sp), new BlobReferences(sp.GetRequiredService<StoreDatabase>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BlobSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<BlobSweepService>());
        return services;
    }

    /// <summary>The meter of the blob sweep's count (<c>storage_blobs_swept_total</c>).</summary>
    public const string BlobSweepMeterName = BlobSweepService.MeterName;

    /// <summary>The configured data directory, full path: where blobs, the SQLite file and secret files live.</summary>
    public static string GetDataDirectory(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory;

    private static string BlobRoot(IServiceProvider services) => Path.Combine(services.GetDataDirectory(), "blobs");

    private static StoreDatabase CreateDatabase(StorageOptions options)
    {
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                Directory.CreateDirectory(options.FullDataDirectory);
                return new SqliteStoreDatabase(Path.Combine(options.FullDataDirectory, "automlplatform.db"));
            case StorageProvider.Postgres when !string.IsNullOrWhiteSpace(options.ConnectionString):
                return new PostgresStoreDatabase(options.ConnectionString);
            default:
                throw new InvalidOperationException(
                    $"Storage provider {options.Provider} needs {StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}.");
        }
    }
}
