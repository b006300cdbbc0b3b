using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tables;

/// <summary>Loads a delimited file into memory with the types its stored schema gives each column.</summary>
public static class TableLoader
{
    /// <summary>
    /// Every row of a stored dataset version, as uploaded, typed by its schema: the one way a dataset version becomes a
    /// table (training, held-out scoring, evaluation, ONNX parity rows). An image dataset is refused (400, <c>unsupported-format</c>).
    /// </summary>
    public static async Task<LoadedTable> LoadAsync(IBlobStore blobs, DatasetVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(version);
        DatasetFormats.EnsureDelimited(version.Format);
        await using var content = await blobs.OpenReadAsync(version.TenantId, BlobKind.Dataset, version.Sha256, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(content, DatasetFormats.DelimiterOf(version.Format), version.Schema, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadedTable> LoadAsync(Stream content, char delimiter, DatasetSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var reader = new CsvReader(content, delimiter, leaveOpen: true);
        var header = await TableHeader.ReadAsync(reader, CsvLimits.Default, cancellationToken).ConfigureAwait(false);
        if (header.Count != schema.Columns.Count || !header.SequenceEqual(schema.Columns.Select(c => c.Name)))
        {
            throw new InvalidOperationException("The stored file's header does not match its schema; the blob or the schema was altered.");
        }

        var builders = schema.Columns.Select(ColumnBuilder.For).ToArray();
        var fields = new List<string>(builders.Length);
        while (await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            TableHeader.CheckWidth(fields, builders.Length, reader.RecordLine);
            for (var i = 0; i < builders.Length; i++)
            {
                builders[i].Add(fields[i]);
            }
        }

        var columns = builders.Select(b => b.Build()).ToArray();
        return new LoadedTable(columns, columns.Length == 0 ? 0 : columns[0].Length);
    }

    private abstract class ColumnBuilder
    {
        public static ColumnBuilder For(ColumnProfile profile) => profile.Type switch
        {
            ColumnType.Numeric => new NumericBuilder(profile.Name),
            _ => new TextBuilder(profile.Name, profile.Type),
        };

        public abstract void Add(string field);

        public abstract TableColumn Build();
    }

    private sealed class NumericBuilder(string name) : ColumnBuilder
    {
        private readonly List<float> _values = [];

        public override void Add(string field) =>
            _values.Add(NumericParser.TryParse(field, out var value) ? (float)value : float.NaN);

        public override TableColumn Build() => new NumericColumn(name, [.. _values]);
    }

    private sealed class TextBuilder(string name, ColumnType type) : ColumnBuilder
    {
        private readonly List<string> _values = [];
        private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

        public override void Add(string field)
        {
            // Kept as written (trimmed), booleans included: a boolean label keeps its own class names ("yes"/"no");
            // the engine normalises boolean features itself, as scoring does (CellText).
            var value = Missing.Is(field) ? string.Empty : type == ColumnType.Text ? field : field.Trim();

            // Categorical values repeat: share one string per distinct value instead of one per row.
            if (type is ColumnType.Categorical or ColumnType.Boolean && value.Length <= 64)
            {
                if (!_interned.TryGetValue(value, out var shared))
                {
                    _interned[value] = shared = value;
                }

                value = shared;
            }

            _values.Add(value);
        }

        public override TableColumn Build() => new StringColumn(name, type, [.. _values]);
    }
}
