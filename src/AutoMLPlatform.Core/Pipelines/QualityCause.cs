namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Why a live-quality check started a run: the champion's metric over its labelled predictions, and the threshold it passed.</summary>
/// <param name="Metric">The metric checked.</param>
/// <param name="Value">Its live value over the window.</param>
/// <param name="Threshold">The threshold it passed.</param>
/// <param name="ChampionVersion">The version the alias pointed at.</param>
/// <param name="Labelled">Predictions with feedback the value was computed over.</param>
public sealed record QualityCause(string Metric, double Value, double Threshold, int ChampionVersion, int Labelled);
