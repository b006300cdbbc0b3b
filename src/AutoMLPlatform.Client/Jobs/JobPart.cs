namespace AutoMLPlatform.Client.Jobs;

/// <summary>One part of a split search: where it ran and what it found.</summary>
public sealed record JobPart(int Index, string Status, string? Worker, string? BestTrainer, double? BestScore, int? Trials, string? Error);
