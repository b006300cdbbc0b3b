using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>
/// An <see cref="IDataView"/> over a table already in memory: numeric columns as <c>Single</c>, the rest as text,
/// plus the encoded label under <see cref="ReservedColumns.Label"/> (the user's label column itself is left out).
/// Reading it costs no parsing, so trials that re-read the data many times stay cheap.
/// </summary>
internal sealed partial class TabularDataView : IDataView
{
    private readonly TableColumn[] _columns;
    private readonly Array? _label;

    private TabularDataView(TableColumn[] columns, Array? label, DataViewSchema schema, int rowCount)
    {
        _columns = columns;
        _label = label;
        Schema = schema;
        RowCount = rowCount;
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public int RowCount { get; }

    /// <summary>A view of every column but the label, for scoring or for data without a label.</summary>
    public static TabularDataView WithoutLabel(LoadedTable table, string? excludedColumn = null)
    {
        var columns = Features(table, excludedColumn);
        return new TabularDataView(columns, null, BuildSchema(columns, null), table.RowCount);
    }

    /// <summary>
    /// A view whose label column is <paramref name="labelColumn"/> encoded by <paramref name="encoding"/>. A user's
    /// column named like the encoded label (<see cref="ReservedColumns.Label"/>) is left out rather than hidden behind
    /// it, so a reader of that name always gets the label; the engine's own pipelines read unlabelled views instead.
    /// </summary>
    public static TabularDataView WithLabel(LoadedTable table, string labelColumn, LabelEncoding encoding)
    {
        var columns = Features(table, labelColumn).Where(c => c.Name != ReservedColumns.Label).ToArray();
        var label = LabelEncoder.Encode(table[labelColumn], encoding);
        return new TabularDataView(columns, label, BuildSchema(columns, encoding), table.RowCount);
    }

    public long? GetRowCount() => RowCount;

    /// <summary>Every column but the label, booleans normalised the way scoring normalises them ("yes" and "Y" are "true").</summary>
    private static TableColumn[] Features(LoadedTable table, string? label) => table.Columns
        .Where(c => c.Name != label)
        .Select(c => c is StringColumn { Type: ColumnType.Boolean } s
            ? s with { Values = s.Values.Select(v => CellText.Normalize(v, ColumnType.Boolean)).ToArray() }
            : c)
        .ToArray();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, rand is null ? null : Permutation(RowCount, rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private static int[] Permutation(int count, Random rand)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        rand.Shuffle(order);
        return order;
    }

    /// <summary>ML.NET's annotation kind for a key column's value names (its own constant is internal).</summary>
    private static class AnnotationKinds
    {
        public const string KeyValues = "KeyValues";
    }

    private static DataViewSchema BuildSchema(TableColumn[] columns, LabelEncoding? encoding)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column is NumericColumn ? NumberDataViewType.Single : TextDataViewType.Instance);
        }

        switch (encoding?.Task)
        {
            case null:
                break;
            case TaskKind.Binary:
                builder.AddColumn(ReservedColumns.Label, BooleanDataViewType.Instance);
                break;
            case TaskKind.Multiclass:
                var names = new VBuffer<ReadOnlyMemory<char>>(encoding.Classes.Count, encoding.Classes.Select(c => c.AsMemory()).ToArray());
                var annotations = new DataViewSchema.Annotations.Builder();
                annotations.Add(AnnotationKinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, encoding.Classes.Count),
                    (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
                builder.AddColumn(ReservedColumns.Label, new KeyDataViewType(typeof(uint), encoding.Classes.Count), annotations.ToAnnotations());
                break;
            case TaskKind.Regression:
                builder.AddColumn(ReservedColumns.Label, NumberDataViewType.Single);
                break;
        }

        return builder.ToSchema();
    }
}
