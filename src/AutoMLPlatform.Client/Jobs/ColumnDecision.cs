namespace AutoMLPlatform.Client.Jobs;

/// <summary>How the engine used a column (<c>label</c>, <c>numeric</c>, <c>categorical</c>, <c>text</c>, <c>ignored</c>, …) and why.</summary>
public sealed record ColumnDecision(string Name, string Role, string Reason);
