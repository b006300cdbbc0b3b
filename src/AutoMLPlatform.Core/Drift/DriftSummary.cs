namespace AutoMLPlatform.Core.Drift;

/// <summary>A model version's drift in brief: rows scored (over every host) and the PSI of each input column that has one.</summary>
/// <param name="Rows">Rows the version scored.</param>
/// <param name="InputPsi">Input column name to its population stability index; columns without a reference or rows are left out.</param>
public sealed record DriftSummary(long Rows, IReadOnlyDictionary<string, double> InputPsi);
