using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// The columns a model version reads, with what every input format needs to find them by name: the binding rule of
/// <see cref="ColumnNameLookup"/> (the exact name first, otherwise the one column matching ignoring case) and, for
/// JSON, the UTF-8 names so that a field sent in schema order is matched without decoding it.
/// </summary>
internal sealed class InputColumns
{
    private const int MaxStackName = 256;
    private readonly ColumnNameLookup _lookup;
    private readonly byte[][] _utf8Names;
    private readonly bool[] _numeric;

    public InputColumns(IReadOnlyList<ModelInputColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        Names = columns.Select(c => c.Name).ToArray();
        HasKeyedHash = columns.Any(c => c.KeyedHash);
        _lookup = new ColumnNameLookup(columns.Select(c => c.Name).ToArray());
        _utf8Names = columns.Select(c => Encoding.UTF8.GetBytes(c.Name)).ToArray();
        _numeric = columns.Select(c => c.Type == ColumnType.Numeric).ToArray();
    }

    public IReadOnlyList<ModelInputColumn> Columns { get; }

    /// <summary>The columns' names in order (one list per model version, shared by what is logged of its rows).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when some column is read as a keyed hash of its text.</summary>
    public bool HasKeyedHash { get; }

    public int Count => Columns.Count;

    public bool IsNumeric(int column) => _numeric[column];

    /// <summary>The column <paramref name="name"/> binds to, and how.</summary>
    public ColumnMatch Find(string name) => _lookup.Find(name);

    /// <summary>The columns <paramref name="name"/> matches ignoring case, for the message that it is ambiguous.</summary>
    public IReadOnlyList<string> MatchesIgnoringCase(string name) => _lookup.MatchesIgnoringCase(name);

    /// <summary>
    /// The column the reader's current property names, and how. Tries <paramref name="expected"/> first by exact UTF-8
    /// comparison (clients usually send fields in one order), then <see cref="ColumnNameLookup.Find"/>.
    /// </summary>
    public ColumnMatch Find(ref Utf8JsonReader reader, int expected)
    {
        if ((uint)expected < (uint)_utf8Names.Length && reader.ValueTextEquals(_utf8Names[expected]))
        {
            return new ColumnMatch(expected, ColumnMatchKind.Exact);
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxStackName)
        {
            return _lookup.Find(reader.GetString());
        }

        Span<char> name = stackalloc char[MaxStackName];
        var written = reader.CopyString(name);
        return _lookup.Find(name[..written]);
    }
}
