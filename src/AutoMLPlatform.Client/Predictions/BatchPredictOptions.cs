namespace AutoMLPlatform.Client.Predictions;

/// <summary>Which version scores a CSV batch, and which input column (if any) to keep as the rows' id.</summary>
/// <param name="Version">A version number.</param>
/// <param name="Alias">An alias; not with <paramref name="Version"/>.</param>
/// <param name="IdColumn">A column copied to the output as the first column, to join the predictions back.</param>
/// <param name="RoutingKey">Sent as <c>X-Routing-Key</c>: with a canary on the alias, the whole batch goes to the version this key maps to.</param>
public sealed record BatchPredictOptions(int? Version = null, string? Alias = null, string? IdColumn = null, string? RoutingKey = null);
