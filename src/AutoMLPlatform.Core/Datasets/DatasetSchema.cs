namespace AutoMLPlatform.Core.Datasets;

/// <summary>The inferred columns of a dataset version, in file order.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnProfile> Columns)
{
    /// <summary>The column with this exact name, or null.</summary>
    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
