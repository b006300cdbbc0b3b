namespace AutoMLPlatform.Client.Datasets;

/// <summary>The columns of a dataset version, in file order.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnProfile> Columns);
