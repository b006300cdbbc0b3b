namespace AutoMLPlatform.Client.Predictions;

/// <summary>Which version answers, and whether to explain. By default the version behind the <c>production</c> alias answers.</summary>
/// <param name="Version">A version number.</param>
/// <param name="Alias">An alias (<c>staging</c>, …); not with <paramref name="Version"/>.</param>
/// <param name="Explain">Adds each prediction's Shapley contributions per input column (at most 10 rows per call).</param>
public sealed record PredictOptions(int? Version = null, string? Alias = null, bool Explain = false);
