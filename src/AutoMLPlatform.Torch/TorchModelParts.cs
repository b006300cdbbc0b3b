using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoMLPlatform.Torch;

/// <summary>The model package loaders of the Torch stages, for hosts that read packages (scoring, registry tools).</summary>
public static class TorchModelParts
{
    /// <summary>
    /// One loader per Torch part kind: text and image classifiers, and with <paramref name="networks"/> the classifiers
    /// on ResNet18 features; images decode within <paramref name="budget"/> (default limits when null).
    /// </summary>
    public static IEnumerable<IModelPartLoader> Loaders(ImageDecodeBudget? budget = null, PretrainedNetworks? networks = null)
    {
        var images = budget ?? new ImageDecodeBudget(ImageDecodeLimits.Default);
        IModelPartLoader[] loaders = [new TextClassifierPartLoader(), new ImageClassifierPartLoader(images)];
        return networks is null ? loaders : [.. loaders, new ResNetImageClassifierPartLoader(networks, images)];
    }

    /// <summary>
    /// Registers the Torch part loaders as <see cref="IModelPartLoader"/> singletons (once, however often called), and
    /// the process's one <see cref="ImageDecodeBudget"/> with default limits unless the host registered its own first,
    /// and the process's <see cref="PretrainedNetworks"/> for the classifiers on ResNet18 features.
    /// </summary>
    public static IServiceCollection AddTorchModelParts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => new ImageDecodeBudget(ImageDecodeLimits.Default));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, TextClassifierPartLoader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, ImageClassifierPartLoader>());
        services.AddPretrainedNetworks();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelPartLoader, ResNetImageClassifierPartLoader>());
        return services;
    }
}
