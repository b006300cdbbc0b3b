namespace AutoMLPlatform.Core.Jobs;

/// <summary>Points at one version of a registered model.</summary>
public sealed record ModelVersionRef(string ModelName, int Version);
