using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Registry;

/// <summary>No model, version or alias by that name exists for the tenant.</summary>
public sealed class ModelNotFoundException : NotFoundException
{
    public ModelNotFoundException(string message)
        : base("model-not-found", message)
    {
    }

    public static ModelNotFoundException Model(string name) => new($"Model '{name}' was not found.");

    public static ModelNotFoundException Version(string name, int version) => new($"Model '{name}' has no version {version}.");

    public static ModelNotFoundException Alias(string name, string alias) => new($"Model '{name}' has no alias '{alias}'.");
}
