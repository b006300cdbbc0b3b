using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Which version of a model a request wants: a fixed version number, or whatever an alias points at.</summary>
public readonly record struct ModelSelector(int? Version, string Alias)
{
    public static ModelSelector Production { get; } = new(null, ModelAliases.Production);

    public static ModelSelector ForVersion(int version) => new(version, string.Empty);

    public static ModelSelector ForAlias(string alias) => new(null, alias);
}
