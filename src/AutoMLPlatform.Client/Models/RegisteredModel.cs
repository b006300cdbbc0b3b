namespace AutoMLPlatform.Client.Models;

/// <summary>
/// A registered model: its newest version, where its aliases (e.g. <c>production</c>) point, and the traffic split of
/// each alias that carries one (<paramref name="Splits"/>, empty when none does).
/// </summary>
public sealed record RegisteredModel(string Name, int LatestVersion, IReadOnlyDictionary<string, int> Aliases, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, TrafficSplit>? Splits = null);
