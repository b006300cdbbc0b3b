namespace AutoMLPlatform.Client.Models;

/// <summary>A shadow: the version that scores every row of an alias's requests without answering.</summary>
public sealed record ShadowTarget(int Version);
