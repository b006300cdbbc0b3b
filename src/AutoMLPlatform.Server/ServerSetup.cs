using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Server.Access;
using AutoMLPlatform.Server.Audit;
using AutoMLPlatform.Server.Console;
using AutoMLPlatform.Server.Datasets;
using AutoMLPlatform.Server.Jobs;
using AutoMLPlatform.Server.Models;
using AutoMLPlatform.Server.Pipelines;
using AutoMLPlatform.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoMLPlatform.Server;

/// <summary>The server's own composition: defaults, API services and endpoint mapping.</summary>
internal static class ServerSetup
{
    /// <summary>The address used when none is configured: loopback only, port 5000.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>
    /// Applies the embedded defaults: listen on <see cref="DefaultUrl"/>; honour <c>AUTOMLPLATFORM_DATA</c> as the data
    /// directory; read <c>--role</c> as <c>AutoMLPlatform:Role</c>.
    /// </summary>
    public static void ApplyPlatformDefaults(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--role"] = Roles.RoleSetup.ConfigurationKey });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var dataDirectoryKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}";
        if (string.IsNullOrEmpty(builder.Configuration[dataDirectoryKey]) && Environment.GetEnvironmentVariable("AUTOMLPLATFORM_DATA") is { Length: > 0 } data)
        {
            builder.Configuration[dataDirectoryKey] = data;
        }
    }

    public static IServiceCollection AddServerApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatasetUploader>();
        services.AddSingleton<Feedback.FeedbackDatasetBuilder>();
        services.AddSingleton<DatasetAppender>();
        services.AddSingleton<TableInspector>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<KeyIssuer>();
        services.AddSingleton<TenantDeleter>();
        services.TryAddSingleton<StoredModelReader>();
        services.AddSingleton<VersionEvaluator>();
        services.AddSingleton<VersionExporter>();
        services.AddHostedService<AuditRecoveryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapServerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDatasetEndpoints();
        endpoints.MapJobEndpoints();
        endpoints.MapModelEndpoints();
        Feedback.FeedbackDatasetEndpoints.MapFeedbackDatasetEndpoints(endpoints);
        endpoints.MapModelInsightEndpoints();
        endpoints.MapPipelineEndpoints();
        endpoints.MapAccessEndpoints();
        endpoints.MapAuditEndpoints();
        endpoints.MapBootstrapKeyFileEndpoints();
        return endpoints;
    }
}
