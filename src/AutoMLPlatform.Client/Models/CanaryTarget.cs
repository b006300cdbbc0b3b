namespace AutoMLPlatform.Client.Models;

/// <summary>A canary: the version that answers <paramref name="Percent"/> % (0–100) of an alias's requests.</summary>
public sealed record CanaryTarget(int Version, double Percent);
