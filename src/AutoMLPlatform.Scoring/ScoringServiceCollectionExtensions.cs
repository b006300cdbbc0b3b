using System.Reflection;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Scoring.Batch;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Embeddings;
using AutoMLPlatform.Scoring.Feedback;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Oip;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Quality;
using AutoMLPlatform.Scoring.RowTypes;
using AutoMLPlatform.Torch;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
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
        // Before the Torch parts' default: every image model of this process decodes within the configured budget.
        services.TryAddSingleton(sp => new ImageDecodeBudget(sp.GetRequiredService<IOptions<ScoringOptions>>().Value.ImageDecodeLimits));
        services.AddTorchModelParts();
        services.AddPretrainedModelParts();
        services.AddOptions<ScoringOptions>()
            .BindConfiguration(ScoringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // What reads model versions' drift: the stored counts plus this process's own not flushed yet.
        services.TryAddSingleton<DriftMonitor>();
        services.TryAddSingleton<IDriftSummaries>(sp => sp.GetRequiredService<DriftMonitor>());
        services.AddSingleton<RowTypeFactory>();
        services.TryAddSingleton<StoredModelReader>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelCache>();
        services.AddSingleton<ScoringMetrics>();
        services.AddSingleton<ObjectPool<ResponseBuffer>>(_ =>
            new DefaultObjectPool<ResponseBuffer>(new ResponseBuffer.Policy(), Environment.ProcessorCount * 2));
        services.AddSingleton<JsonPredictExchange>();
        services.AddSingleton<JsonPredictHandler>();
        services.AddSingleton<ExplainPredictHandler>();
        services.AddSingleton<CsvBatchHandler>();
        services.AddSingleton<OipInferHandler>();
        services.AddSingleton<EmbeddingsHandler>();
        services.AddSingleton<EmbeddingOipHandler>();
        services.AddHostedService<RegistryWatcher>();
        services.AddHostedService<DriftFlushService>();
        services.AddSingleton<PredictionLogQueue>();
        services.AddSingleton<PredictionLogSwitchboard>();
        services.AddHostedService(sp => sp.GetRequiredService<PredictionLogSwitchboard>());
        services.AddSingleton<PredictionLogRecorder>();
        services.AddSingleton<PredictionLog.ShadowQueue>();
        services.AddHostedService<Shadow.ShadowScorer>();
        services.AddHostedService<PredictionLogWriter>();
        services.AddHostedService<PredictionLogRetention>();
        services.AddSingleton<FeedbackIntake>();
        services.AddSingleton<LiveQualityGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveQualityGauges>());
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

    /// <summary>Maps every scoring endpoint: ours, the Open Inference Protocol's, embeddings, drift and <see cref="MetricsPath"/>.</summary>
    public static IEndpointRouteBuilder MapScoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPredictEndpoints();
        endpoints.MapOipEndpoints();
        endpoints.MapEmbeddingEndpoints();
        endpoints.MapDriftEndpoints();
        endpoints.MapPredictionLogEndpoints();
        endpoints.MapFeedbackEndpoints();
        endpoints.MapQualityEndpoints();
        // Series carry every tenant's model names, traffic, tenant ids and input column names: an operator's view, so a
        // system admin key (the system tenant's admin scope), never a tenant's read key.
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(ApiKeyDefaults.SystemAdminPolicy);
        return endpoints;
    }
}
