namespace AutoMLPlatform.Client;

/// <summary>One page of a list: the items from <paramref name="Offset"/>, at most <paramref name="Limit"/> of them.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit);
