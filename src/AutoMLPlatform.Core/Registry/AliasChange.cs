namespace AutoMLPlatform.Core.Registry;

/// <summary>An alias moved: from which version (null if it was new) to which.</summary>
public sealed record AliasChange(string ModelName, string Alias, int? PreviousVersion, int Version, DateTimeOffset ChangedAt);
