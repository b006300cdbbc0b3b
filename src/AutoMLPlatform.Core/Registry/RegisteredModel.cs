using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Registry;

/// <summary>A named model: its newest version number and where its aliases point.</summary>
public sealed record RegisteredModel(
    TenantId TenantId,
    string Name,
    DateTimeOffset CreatedAt,
    int LatestVersion,
    IReadOnlyDictionary<string, int> Aliases)
{
    /// <summary>The traffic splits of the aliases that carry one (canary, shadow), by alias.</summary>
    public IReadOnlyDictionary<string, AliasSplit> Splits { get; init; } = new Dictionary<string, AliasSplit>();
}
