namespace AutoMLPlatform.Core.Tables;

/// <summary>A whole table in memory, column by column, typed by its schema.</summary>
public sealed record LoadedTable(IReadOnlyList<TableColumn> Columns, int RowCount)
{
    public TableColumn this[string name] =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The table has no column '{name}'.");

    /// <summary>The same rows, restricted to the given row indices in that order.</summary>
    public LoadedTable Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = Columns.Select(column => column switch
        {
            NumericColumn n => (TableColumn)(n with { Values = Gather(n.Values, rows) }),
            StringColumn s => s with { Values = Gather(s.Values, rows) },
            _ => throw new InvalidOperationException($"Unknown column kind {column.GetType().Name}."),
        }).ToArray();
        return new LoadedTable(columns, rows.Count);
    }

    /// <summary>The same rows with only the named columns, in the order named.</summary>
    public LoadedTable Project(IEnumerable<string> names) => new(names.Select(name => this[name]).ToArray(), RowCount);

    private static T[] Gather<T>(T[] values, IReadOnlyList<int> rows)
    {
        var result = new T[rows.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
