namespace AutoMLPlatform.Core.Registry;

/// <summary>Where an alias points: its version and the traffic split it carries (<see cref="AliasSplit.None"/> when none).</summary>
public sealed record AliasTarget(string ModelName, string Alias, int Version, AliasSplit Split, DateTimeOffset UpdatedAt);
