using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Pretrained;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>The model package loaders of stages that run a pretrained network, for hosts that read packages.</summary>
public static class PretrainedModelParts
{
    /// <summary>The loaders over <paramref name="networks"/>, for hosts without DI (the CLI, tests).</summary>
    public static IEnumerable<IModelPartLoader> Loaders(PretrainedNetworks networks) => [new SentenceEmbeddingPartLoader(networks)];

    /// <summary>Registers the process's <see cref="PretrainedNetworks"/> and the loaders over it as singletons (once, however often called).</summary>
    public static IServiceCollection AddPretrainedModelParts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPretrainedNetworks();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, SentenceEmbeddingPartLoader>());
        return services;
    }
}
