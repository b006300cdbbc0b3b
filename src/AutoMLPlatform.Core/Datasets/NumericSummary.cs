namespace AutoMLPlatform.Core.Datasets;

/// <summary>Range and mean of a numeric column's present values.</summary>
public sealed record NumericSummary(double Min, double Max, double Mean);
