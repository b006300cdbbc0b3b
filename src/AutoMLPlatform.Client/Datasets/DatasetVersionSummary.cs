namespace AutoMLPlatform.Client.Datasets;

/// <summary>One version in a dataset's history.</summary>
public sealed record DatasetVersionSummary(int Version, string Sha256, long SizeBytes, long RowCount, DateTimeOffset CreatedAt);
