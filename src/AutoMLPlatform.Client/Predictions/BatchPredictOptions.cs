namespace AutoMLPlatform.Client.Predictions;

/// <summary>Which version scores a CSV batch, and which input column (if any) to keep as the rows' id.</summary>
/// <param name="Version">A version number.</param>
/// <param name="Alias">An alias; not with <paramref name="Version"/>.</param>
/// <param name="IdColumn">A column copied to the output as the first column, to join the predictions back.</param>
public sealed record BatchPredictOptions(int? Version = null, string? Alias = null, string? IdColumn = null);
