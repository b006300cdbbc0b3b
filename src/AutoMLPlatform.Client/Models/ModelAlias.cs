namespace AutoMLPlatform.Client.Models;

/// <summary>One alias: the version it points at, its canary and shadow (null when none), and when it last changed.</summary>
public sealed record ModelAlias(string Model, string Alias, int Version, CanaryTarget? Canary, ShadowTarget? Shadow, DateTimeOffset UpdatedAt);
