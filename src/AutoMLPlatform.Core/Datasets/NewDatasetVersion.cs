namespace AutoMLPlatform.Core.Datasets;

/// <summary>What a caller knows of a version before the store numbers it.</summary>
public sealed record NewDatasetVersion(string Sha256, long SizeBytes, long RowCount, DatasetFormat Format, DatasetSchema Schema);
