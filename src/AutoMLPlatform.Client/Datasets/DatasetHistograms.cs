namespace AutoMLPlatform.Client.Datasets;

/// <summary>A small histogram per column (none for sensitive columns), from the first <paramref name="RowsRead"/> rows.</summary>
public sealed record DatasetHistograms(long RowsRead, IReadOnlyList<ColumnHistogram> Columns);
