namespace AutoMLPlatform.Client.Models;

/// <summary>An alias move: where it pointed before (null for a new alias) and where it points now.</summary>
public sealed record AliasChange(string Model, string Alias, int? PreviousVersion, int Version, DateTimeOffset ChangedAt);
