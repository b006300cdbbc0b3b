namespace AutoMLPlatform.Client.Models;

/// <summary>One column's importance: mean and standard deviation of the metric's loss over the repeats.</summary>
public sealed record ColumnImportance(string Column, double Mean, double StandardDeviation);
