namespace AutoMLPlatform.Client.Jobs;

/// <summary>A model version: its model's name and number.</summary>
public sealed record ModelVersionRef(string ModelName, int Version);
