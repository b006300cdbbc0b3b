using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Hosting.Telemetry;
using AutoMLPlatform.Jobs;
using AutoMLPlatform.Scoring;
using AutoMLPlatform.Security;
using AutoMLPlatform.Server.Audit;
using AutoMLPlatform.Server.Console;
using AutoMLPlatform.Server.Hangfire;
using AutoMLPlatform.Storage;
using OpenTelemetry.Metrics;

namespace AutoMLPlatform.Server.Roles;

/// <summary>
/// Composes the one binary into the role it was started as. Every role shares storage and security; each adds its
/// own part: the API its endpoints and a Hangfire client, a worker a Hangfire server, scoring the predict endpoints.
/// </summary>
internal static class RoleSetup
{
    public const string ConfigurationKey = "AutoMLPlatform:Role";

    public static PlatformRole RoleOf(IConfiguration configuration)
    {
        var text = configuration[ConfigurationKey];
        return string.IsNullOrWhiteSpace(text) ? PlatformRole.All
            : Enum.TryParse<PlatformRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role
            : throw new InvalidOperationException($"Unknown role '{text}'. Roles are all, api, worker and scoring.");
    }

    public static void AddRoleServices(this WebApplicationBuilder builder, PlatformRole role)
    {
        var provider = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        if (role is PlatformRole.Api or PlatformRole.Worker && provider == StorageProvider.Sqlite)
        {
            // The embedded queue lives in one process's memory: an API and a worker would not see each other's jobs.
            throw new InvalidOperationException($"The {role.ToString().ToLowerInvariant()} role needs the postgres storage provider " +
                $"({StorageOptions.SectionName}:Provider=Postgres and a ConnectionString); with embedded storage run the 'all' role.");
        }

        var services = builder.Services;
        services.AddPlatformHostDefaults();
        services.AddPlatformStorage();
        services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory, bootstrap: role != PlatformRole.Worker);
        switch (role)
        {
            case PlatformRole.All:
                services.AddBlobSweep();
                services.AddPlatformJobs(JobRoles.All);
                services.AddPlatformHangfire(builder.Configuration, runServer: true);
                services.AddScoring();
                services.AddServerApi();
                break;
            case PlatformRole.Api:
                services.AddBlobSweep();
                services.AddPlatformJobs(JobRoles.Client);
                services.AddPlatformHangfire(builder.Configuration, runServer: false);
                services.AddScoring();
                services.AddServerApi();
                break;
            case PlatformRole.Worker:
                services.AddPlatformJobs(JobRoles.Worker);
                services.AddPlatformHangfire(builder.Configuration, runServer: true);
                services.AddStoredDriftSummaries(); // pipelines' drift checks read the stored counts, through Insight
                services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter()); // the job gauges; scoring exports the rest
                break;
            case PlatformRole.Scoring:
                services.AddScoring();
                break;
        }

        if (role is PlatformRole.All or PlatformRole.Api)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(StorageServiceCollectionExtensions.BlobSweepMeterName));
        }

        // After the role's services: the service name given here must come after any other (scoring names its meters' service).
        services.AddPlatformTelemetry(builder.Configuration, $"automlplatform-{role.ToString().ToLowerInvariant()}");
    }

    public static void MapRoleEndpoints(this WebApplication app, PlatformRole role)
    {
        if (role is PlatformRole.All or PlatformRole.Api)
        {
            app.UseConsoleFiles();
        }

        app.UsePlatformPipeline(audit: pipeline => pipeline.UseMiddleware<AuditMiddleware>());
        app.MapPlatformHealth();
        if (role is PlatformRole.All or PlatformRole.Api)
        {
            app.MapOpenApi().AllowAnonymous();
            app.UsePlatformHangfireDashboard();
            app.MapServerApi();
        }

        if (role is not PlatformRole.Worker)
        {
            app.MapScoringEndpoints();
        }
        else
        {
            app.MapPrometheusScrapingEndpoint(ScoringServiceCollectionExtensions.MetricsPath).RequireScope(ApiScopeNames.Read);
        }
    }
}
