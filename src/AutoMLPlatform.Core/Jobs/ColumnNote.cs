namespace AutoMLPlatform.Core.Jobs;

/// <summary>What a job's search does with one column, and why (e.g. "ignored: looks like an identifier").</summary>
public sealed record ColumnNote(string Name, string Role, string Reason);
