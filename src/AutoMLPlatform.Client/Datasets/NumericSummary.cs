namespace AutoMLPlatform.Client.Datasets;

/// <summary>The range and mean of a numeric column.</summary>
public sealed record NumericSummary(double Min, double Max, double Mean);
