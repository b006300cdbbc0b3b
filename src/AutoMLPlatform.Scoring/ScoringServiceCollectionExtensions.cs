using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring;

/// <summary>The scoring service's parts, for its own host and for the main server, which mounts the same endpoints.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>Registers the model cache, loader, row types and the registry watcher. Needs the stores registered.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
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
