namespace AutoMLPlatform.Server.Api;

/// <summary>One page of a list: the items and where the page starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit);
