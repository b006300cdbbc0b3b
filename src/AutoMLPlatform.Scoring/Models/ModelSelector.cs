using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Which version of a model a request wants: a fixed version number, or whatever an alias points at.</summary>
public readonly record struct ModelSelector(int? Version, string Alias)
{
    public static ModelSelector Production { get; } = new(null, ModelAliases.Production);

    public static ModelSelector ForVersion(int version) => new(version, string.Empty);

    public static ModelSelector ForAlias(string alias) => new(null, alias);

    /// <summary>The selector a request's <c>?version=</c> / <c>?alias=</c> ask for: production when neither is given.</summary>
    public static ModelSelector From(int? version, string? alias) => (version, alias) switch
    {
        (not null, not null) => throw new InvalidInputException("ambiguous-selector", "Give either ?version= or ?alias=, not both.", "version"),
        ({ } v, null) when v < 1 => throw new InvalidInputException("invalid-version", "A version is a positive number.", "version"),
        ({ } v, null) => ForVersion(v),
        (null, ModelAliases.Production) => Production,
        (null, { } a) => ForAlias(ModelAliases.ValidateAlias(a)),
        _ => Production,
    };
}
