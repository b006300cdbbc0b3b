using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Which version of a model a request wants: a fixed version number, or whatever an alias points at.</summary>
public readonly record struct ModelSelector(int? Version, string Alias)
{
    /// <summary>
    /// True for a prediction through an alias: its canary may answer it (by <see cref="RoutingKey"/>) and its shadow
    /// scores its rows. False for metadata and for a request that names a version, which is never split.
    /// </summary>
    public bool Routed { get; init; }

    /// <summary>The caller's routing key (header <c>X-Routing-Key</c>): one key is always answered by the same version; null routes at random.</summary>
    public string? RoutingKey { get; init; }

    /// <summary>This selector for a prediction: split by the alias's canary and shadowed, unless it names a version.</summary>
    public ModelSelector ForPrediction(string? routingKey) => Version is null ? this with { Routed = true, RoutingKey = routingKey } : this;

    public static ModelSelector Production { get; } = new(null, ModelAliases.Production);

    public static ModelSelector ForVersion(int version) => new(version, string.Empty);

    public static ModelSelector ForAlias(string alias) => new(null, alias);

    /// <summary>The selector a request's <c>?version=</c> / <c>?alias=</c> ask for: production when neither is given.</summary>
    public static ModelSelector From(int? version, string? alias) => (version, alias) switch
    {
        (not null, not null) => throw new InvalidInputException("ambiguous-selector", "Give either ?version= or ?alias=, not both.", "version"),
        ({ } v, null) when v < 1 => throw new InvalidInputException(RegistryErrorCodes.InvalidVersion, "A version is a positive number.", "version"),
        ({ } v, null) => ForVersion(v),
        (null, ModelAliases.Production) => Production,
        (null, { } a) => ForAlias(ModelAliases.ValidateAlias(a)),
        _ => Production,
    };
}
