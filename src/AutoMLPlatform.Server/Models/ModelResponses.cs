using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Server.Models;

/// <summary>A registered model: its newest version, where its aliases point, and the traffic splits of those that carry one.</summary>
public sealed record ModelResponse(string Name, int LatestVersion, IReadOnlyDictionary<string, int> Aliases, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, AliasSplitResponse> Splits)
{
    public static ModelResponse From(RegisteredModel model) => new(model.Name, model.LatestVersion, model.Aliases, model.CreatedAt,
        model.Splits.ToDictionary(s => s.Key, s => AliasSplitResponse.From(s.Value)));
}

/// <summary>A model version with its metrics, input schema, lineage and artifact hash.</summary>
public sealed record ModelVersionResponse(
    string Name,
    int Version,
    string Task,
    string Label,
    string Metric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ModelInputColumn> Inputs,
    IReadOnlyList<string> Classes,
    ModelLineage Lineage,
    string ArtifactSha256,
    long ArtifactSizeBytes,
    IReadOnlyList<string> Aliases,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt)
{
    public static ModelVersionResponse From(ModelVersion version, IReadOnlyDictionary<string, int> aliases) => new(
        version.ModelName, version.Version, TaskKindNames.NameOf(version.Task), version.Label, Core.Modeling.Metrics.NameOf(version.Metric),
        version.Metrics, version.Inputs, version.Classes, version.Lineage, version.ArtifactSha256, version.ArtifactSizeBytes,
        aliases.Where(a => a.Value == version.Version).Select(a => a.Key).Order(StringComparer.Ordinal).ToArray(), version.CreatedAt, version.DeletedAt);
}

/// <summary>
/// The body of <c>PUT /api/models/{name}/aliases/{alias}</c>: the version, and optionally a traffic split. The alias's
/// state is replaced: a body without <c>canary</c> and <c>shadow</c> clears any split it carried.
/// </summary>
public sealed record SetAliasRequest(int? Version, CanaryRequest? Canary = null, ShadowRequest? Shadow = null);

/// <summary>Where an alias pointed before and after a move.</summary>
public sealed record AliasChangeResponse(string Model, string Alias, int? PreviousVersion, int Version, DateTimeOffset ChangedAt)
{
    public static AliasChangeResponse From(AliasChange change) =>
        new(change.ModelName, change.Alias, change.PreviousVersion, change.Version, change.ChangedAt);
}
