namespace AutoMLPlatform.Client.Datasets;

/// <summary>The first rows of a table, as text, with personal data masked; a null cell is a missing value.</summary>
public sealed record DatasetPreview(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
