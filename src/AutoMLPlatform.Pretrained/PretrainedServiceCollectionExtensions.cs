using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Pretrained;

public static class PretrainedServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PretrainedNetworks"/> as the process's one singleton (once, however often called).</summary>
    public static IServiceCollection AddPretrainedNetworks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new PretrainedNetworks(sp.GetService<ILogger<PretrainedNetworks>>()));
        return services;
    }
}
