using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.RowTypes;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring;

/// <summary>The scoring service's parts, for its own host and for the main server, which mounts the same endpoints.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model cache, loader, row types, the registry watcher and the loaders of Torch package parts
    /// (so Torch text and image models serve like any other). Needs the stores registered.
    /// </summary>
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
        services.AddHostedService<RegistryWatcher>();
        return services;
    }

    /// <summary>Maps every scoring endpoint.</summary>
    public static IEndpointRouteBuilder MapScoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPredictEndpoints();
        return endpoints;
    }
}
