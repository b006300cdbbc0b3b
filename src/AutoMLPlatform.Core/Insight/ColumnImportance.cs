namespace AutoMLPlatform.Core.Insight;

/// <summary>
/// One input column's permutation importance: the mean worsening of the metric over the repeats (positive = the model
/// relies on it) and the standard deviation of the worsening across repeats.
/// </summary>
public sealed record ColumnImportance(string Column, double Mean, double StandardDeviation);
