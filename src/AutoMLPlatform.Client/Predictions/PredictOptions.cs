namespace AutoMLPlatform.Client.Predictions;

/// <summary>Which version answers, and whether to explain. By default the version behind the <c>production</c> alias answers.</summary>
/// <param name="Version">A version number.</param>
/// <param name="Alias">An alias (<c>staging</c>, …); not with <paramref name="Version"/>.</param>
/// <param name="Explain">Adds each prediction's Shapley contributions per input column (at most 10 rows per call).</param>
/// <param name="RoutingKey">
/// Sent as <c>X-Routing-Key</c>: when the alias has a canary, the same key is always answered by the same version (one
/// customer sees one version); without a key each request is routed at random.
/// </param>
public sealed record PredictOptions(int? Version = null, string? Alias = null, bool Explain = false, string? RoutingKey = null);
