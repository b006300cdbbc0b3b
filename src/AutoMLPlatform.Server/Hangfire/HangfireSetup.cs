using AutoMLPlatform.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// Hangfire for the embedded set-up: in-memory storage (our job rows are the truth; recovery re-enqueues after a
/// restart) and one server whose worker count defaults to one, because a single training run already uses every core.
/// </summary>
internal static class HangfireSetup
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddPlatformHangfire(this IServiceCollection services)
    {
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage());
        services.AddHangfireServer((provider, server) =>
        {
            var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = jobs.WorkerCount;
            server.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    public static WebApplication UsePlatformHangfireDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new SystemAdminDashboardFilter()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
