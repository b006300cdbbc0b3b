using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoMLPlatform.Torch.Packaging;

/// <summary>The model package loaders of the Torch stages, for hosts that read packages (scoring, registry tools).</summary>
public static class TorchModelParts
{
    /// <summary>One loader per Torch part kind: text and image classifiers; images decode within <paramref name="budget"/> (default limits when null).</summary>
    public static IEnumerable<IModelPartLoader> Loaders(ImageDecodeBudget? budget = null) =>
        [new TextClassifierPartLoader(), new ImageClassifierPartLoader(budget ?? new ImageDecodeBudget(ImageDecodeLimits.Default))];

    /// <summary>
    /// Registers the Torch part loaders as <see cref="IModelPartLoader"/> singletons (once, however often called), and
    /// the process's one <see cref="ImageDecodeBudget"/> with default limits unless the host registered its own first.
    /// </summary>
    public static IServiceCollection AddTorchModelParts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => new ImageDecodeBudget(ImageDecodeLimits.Default));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, TextClassifierPartLoader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, ImageClassifierPartLoader>());
        return services;
    }
}
