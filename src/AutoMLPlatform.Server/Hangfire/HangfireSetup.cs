using AutoMLPlatform.Jobs;
using AutoMLPlatform.Storage;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// Hangfire per storage provider. Embedded (SQLite): in-memory storage, which forgets on restart (our job rows are the
/// truth; recovery enqueues again), so only the all-in-one role may use it. PostgreSQL: Hangfire's own tables in the
/// same database, shared by every process; a worker that dies loses its fetched jobs to the others after the sliding
/// invisibility timeout, and our lease recovery requeues its claimed jobs sooner.
/// </summary>
internal static class HangfireSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>How often a Hangfire server of ours writes its heartbeat (Hangfire's default is 30 s).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>A server whose heartbeat is older than this is not ready: three beats missed.</summary>
    public static readonly TimeSpan HeartbeatTimeout = 3 * HeartbeatInterval;

    public static IServiceCollection AddPlatformHangfire(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var postgres = storage.Provider == StorageProvider.Postgres;
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (postgres)
            {
                hangfire.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(storage.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                });
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });

        if (runServer)
        {
            services.AddSingleton<HangfireServerName>();
            services.AddHealthChecks().AddCheck<HangfireServerHealthCheck>(HangfireServerHealthCheck.Name, timeout: TimeSpan.FromSeconds(5));
            services.AddHangfireServer((provider, server) =>
            {
                var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.ServerName = provider.GetRequiredService<HangfireServerName>().Value;
                server.HeartbeatInterval = HeartbeatInterval;
                server.WorkerCount = jobs.WorkerCount;
                server.Queues = [.. jobs.ServedQueues];
                server.ShutdownTimeout = TimeSpan.FromSeconds(30);
            });
        }

        return services;
    }

    public static WebApplication UsePlatformHangfireDashboard(this WebApplication app)
    {
        app.UseWhen(context => HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(DashboardPath),
            dashboard => dashboard.UseMiddleware<DashboardAuditMiddleware>());
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new SystemAdminDashboardFilter()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
