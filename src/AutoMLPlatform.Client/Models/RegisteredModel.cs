namespace AutoMLPlatform.Client.Models;

/// <summary>A registered model: its newest version and where its aliases (e.g. <c>production</c>) point.</summary>
public sealed record RegisteredModel(string Name, int LatestVersion, IReadOnlyDictionary<string, int> Aliases, DateTimeOffset CreatedAt);
