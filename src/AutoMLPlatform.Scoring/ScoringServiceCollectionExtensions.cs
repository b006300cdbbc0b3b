using System.Reflection;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Scoring.Batch;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Oip;
using AutoMLPlatform.Scoring.RowTypes;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ObjectPool;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AutoMLPlatform.Scoring;

/// <summary>The scoring service's parts, for its own host and for the main server, which mounts the same endpoints.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>The path of the Prometheus text exposition.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the model cache, loader, row types, handlers, metrics and the registry watcher. Needs the stores registered.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddTorchModelParts();
        services.AddOptions<ScoringOptions>()
            .BindConfiguration(ScoringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RowTypeFactory>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelCache>();
        services.AddSingleton<DriftMonitor>();
        services.AddSingleton<ScoringMetrics>();
        services.AddSingleton<ObjectPool<ResponseBuffer>>(_ =>
            new DefaultObjectPool<ResponseBuffer>(new ResponseBuffer.Policy(), Environment.ProcessorCount * 2));
        services.AddSingleton<JsonPredictHandler>();
        services.AddSingleton<ExplainPredictHandler>();
        services.AddSingleton<CsvBatchHandler>();
        services.AddSingleton<OipInferHandler>();
        services.AddHostedService<RegistryWatcher>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Assembly.GetEntryAssembly()?.GetName().Name ?? "AutoMLPlatform"))
            .WithMetrics(metrics => metrics.AddMeter(ScoringMetrics.MeterName).AddPrometheusExporter());

        // The Open Inference Protocol's clients read an error's message from "error": add it to our problem details there.
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var inner = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                inner?.Invoke(context);
                if (context.HttpContext.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal))
                {
                    context.ProblemDetails.Extensions["error"] = context.ProblemDetails.Detail ?? context.ProblemDetails.Title;
                }
            };
        });
        return services;
    }

    /// <summary>Maps every scoring endpoint: ours, the Open Inference Protocol's, drift and <see cref="MetricsPath"/>.</summary>
    public static IEndpointRouteBuilder MapScoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPredictEndpoints();
        endpoints.MapOipEndpoints();
        endpoints.MapDriftEndpoints();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireScope(ApiScopeNames.Read);
        return endpoints;
    }
}
