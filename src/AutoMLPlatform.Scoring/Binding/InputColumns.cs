using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// The columns a model version reads, with what every input format needs to find them by name: a lookup that ignores
/// case and, for JSON, the UTF-8 names so that a field sent in schema order is matched without decoding it.
/// </summary>
internal sealed class InputColumns
{
    private const int MaxStackName = 256;
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly byte[][] _utf8Names;
    private readonly bool[] _numeric;

    public InputColumns(IReadOnlyList<ModelInputColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        _byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            _byName.TryAdd(columns[i].Name, i);
        }

        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _utf8Names = columns.Select(c => Encoding.UTF8.GetBytes(c.Name)).ToArray();
        _numeric = columns.Select(c => c.Type == ColumnType.Numeric).ToArray();
    }

    public IReadOnlyList<ModelInputColumn> Columns { get; }

    public int Count => Columns.Count;

    public bool IsNumeric(int column) => _numeric[column];

    /// <summary>The column named <paramref name="name"/> (any case), or -1.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>
    /// The column the reader's current property names, or -1. Tries <paramref name="expected"/> first by exact UTF-8
    /// comparison (clients usually send fields in one order), then any column ignoring case.
    /// </summary>
    public int Find(ref Utf8JsonReader reader, int expected)
    {
        if ((uint)expected < (uint)_utf8Names.Length && reader.ValueTextEquals(_utf8Names[expected]))
        {
            return expected;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxStackName)
        {
            return IndexOf(reader.GetString()!);
        }

        Span<char> name = stackalloc char[MaxStackName];
        var written = reader.CopyString(name);
        return _bySpan.TryGetValue(name[..written], out var index) ? index : -1;
    }
}
