namespace AutoMLPlatform.Client.Models;

/// <summary>
/// An alias's traffic split: <see cref="Canary"/> answers a share of the alias's requests (the same <c>X-Routing-Key</c>
/// always gets the same version), <see cref="Shadow"/> scores every row off the request path (its outputs go to the
/// prediction log, never to the caller). Either may be null.
/// </summary>
public sealed record TrafficSplit(CanaryTarget? Canary, ShadowTarget? Shadow);
