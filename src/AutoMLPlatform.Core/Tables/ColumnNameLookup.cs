namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Finds a column by a name a client sent, the one rule every input (JSON fields, CSV headers, OIP tensors) follows:
/// the column with exactly that name first; otherwise, ignoring case, the column whose name matches, but only when one
/// does. Column names may differ only in case (<c>Sc.Var.Maxis</c>, <c>Sc.Var.maxis</c>): then each binds by its exact
/// name, and a name matching both only ignoring case is ambiguous (<see cref="ColumnMatchKind.Ambiguous"/>), never
/// quietly one of them. Lookups take spans, so a caller can look a name up without making a string of it.
/// </summary>
public sealed class ColumnNameLookup
{
    private const int Several = -2;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _folded;

    public ColumnNameLookup(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        var exact = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        var folded = new Dictionary<string, int>(names.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            exact.TryAdd(names[i], i);
            folded[names[i]] = folded.ContainsKey(names[i]) ? Several : i;
        }

        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _folded = folded.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The column names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The column <paramref name="name"/> binds to, and how.</summary>
    public ColumnMatch Find(ReadOnlySpan<char> name)
    {
        if (_exact.TryGetValue(name, out var index))
        {
            return new ColumnMatch(index, ColumnMatchKind.Exact);
        }

        return !_folded.TryGetValue(name, out index) ? ColumnMatch.None
            : index == Several ? ColumnMatch.Ambiguous
            : new ColumnMatch(index, ColumnMatchKind.IgnoringCase);
    }

    /// <summary>The columns whose names equal <paramref name="name"/> ignoring case, for a message about an ambiguous name.</summary>
    public IReadOnlyList<string> MatchesIgnoringCase(string name) =>
        Names.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToArray();
}
