namespace AutoMLPlatform.Client.Datasets;

/// <summary>Numeric columns: equal-width bins (labels are the lower edges). Others: the most frequent values and their counts.</summary>
public sealed record ColumnHistogram(string Name, IReadOnlyList<string> Labels, IReadOnlyList<long> Counts);
