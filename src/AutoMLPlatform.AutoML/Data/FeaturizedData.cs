using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>
/// Every labelled row's feature vector and encoded label, computed once and held in memory. Trials read row
/// subsets of it (a fold's training or validation rows) through <see cref="View"/>, so no trial pays for parsing,
/// one-hot encoding or n-gram extraction again, and folds share one copy of the data.
/// </summary>
internal sealed class FeaturizedData
{
    private readonly VBuffer<float>[] _features;
    private readonly Array _labels;

    private FeaturizedData(VBuffer<float>[] features, Array labels, DataViewSchema schema)
    {
        _features = features;
        _labels = labels;
        Schema = schema;
    }

    /// <summary><see cref="ReservedColumns.Features"/> and <see cref="ReservedColumns.Label"/>, with their annotations (slot names, categorical ranges, class names).</summary>
    public DataViewSchema Schema { get; }

    public int RowCount => _features.Length;

    public int Dimension => Schema[ReservedColumns.Features].Type is VectorDataViewType vector ? vector.Size : 1;

    /// <summary>True when LightGBM can find one-hot slot ranges to split on as categories.</summary>
    public bool HasCategoricalSlots => Schema[ReservedColumns.Features].Annotations.Schema.GetColumnOrNull("CategoricalSlotRanges") is not null;

    /// <summary>
    /// Reads the features of every row of <paramref name="featurized"/> and the label of the same row of
    /// <paramref name="labelled"/> into memory. The label comes from a view of its own: a user's column may be named
    /// like the engine's label column, and the featurizer must read that column, not the label.
    /// </summary>
    public static FeaturizedData Materialize(IDataView featurized, IDataView labelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featurized);
        ArgumentNullException.ThrowIfNull(labelled);
        var featureColumn = featurized.Schema[ReservedColumns.Features];
        var labelColumn = labelled.Schema[ReservedColumns.Label];
        var features = new List<VBuffer<float>>();
        var labels = new LabelReader(labelColumn.Type);
        using (var cursor = featurized.GetRowCursor([featureColumn]))
        using (var labelCursor = labelled.GetRowCursor([labelColumn]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var readLabel = labels.Bind(labelCursor, labelColumn);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                if (!labelCursor.MoveNext())
                {
                    throw new InvalidOperationException("The labels have fewer rows than the features.");
                }

                if ((features.Count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                getFeatures(ref buffer);
                VBuffer<float> copy = default;
                buffer.CopyTo(ref copy);
                features.Add(copy);
                readLabel();
            }
        }

        var schema = new DataViewSchema.Builder();
        schema.AddColumn(ReservedColumns.Features, featureColumn.Type, featureColumn.Annotations);
        schema.AddColumn(ReservedColumns.Label, labelColumn.Type, labelColumn.Annotations);
        return new FeaturizedData([.. features], labels.ToArray(), schema.ToSchema());
    }

    /// <summary>The largest regression label among <paramref name="rows"/> (0 for other tasks).</summary>
    public float MaxLabel(IReadOnlyList<int> rows) => _labels is float[] numbers && rows.Count > 0 ? rows.Max(r => numbers[r]) : 0;

    /// <summary>A view of the given rows, in that order; a regression label optionally mapped (e.g. to its logarithm).</summary>
    public IDataView View(IReadOnlyList<int> rows, Func<float, float>? mapLabel = null) => new FeaturizedView(this, rows, mapLabel);

    private sealed class LabelReader(DataViewType type)
    {
        private readonly List<bool> _flags = [];
        private readonly List<uint> _keys = [];
        private readonly List<float> _numbers = [];

        public Action Bind(DataViewRowCursor cursor, DataViewSchema.Column column)
        {
            switch (type)
            {
                case BooleanDataViewType:
                    var flag = cursor.GetGetter<bool>(column);
                    return () => { var v = false; flag(ref v); _flags.Add(v); };
                case KeyDataViewType:
                    var key = cursor.GetGetter<uint>(column);
                    return () => { uint v = 0; key(ref v); _keys.Add(v); };
                default:
                    var number = cursor.GetGetter<float>(column);
                    return () => { float v = 0; number(ref v); _numbers.Add(v); };
            }
        }

        public Array ToArray() => type switch
        {
            BooleanDataViewType => _flags.ToArray(),
            KeyDataViewType => _keys.ToArray(),
            _ => _numbers.ToArray(),
        };
    }

    private sealed class FeaturizedView(FeaturizedData data, IReadOnlyList<int> rows, Func<float, float>? mapLabel) : IDataView
    {
        public bool CanShuffle => true;

        public DataViewSchema Schema => data.Schema;

        public long? GetRowCount() => rows.Count;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            int[]? order = null;
            if (rand is not null)
            {
                order = Enumerable.Range(0, rows.Count).ToArray();
                rand.Shuffle(order);
            }

            return new Cursor(data, rows, order, mapLabel);
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
            [GetRowCursor(columnsNeeded, rand)];
    }

    private sealed class Cursor(FeaturizedData data, IReadOnlyList<int> rows, int[]? order, Func<float, float>? mapLabel) : DataViewRowCursor
    {
        private int _index = -1;
        private int _row = -1;

        public override long Position => _index;

        public override long Batch => 0;

        public override DataViewSchema Schema => data.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            if (_index + 1 >= rows.Count)
            {
                _index = rows.Count;
                return false;
            }

            _index++;
            _row = rows[order is null ? _index : order[_index]];
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index == 0
                ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => data._features[_row].CopyTo(ref value))
                : data._labels switch
                {
                    bool[] flags => (ValueGetter<bool>)((ref bool value) => value = flags[_row]),
                    uint[] keys => (ValueGetter<uint>)((ref uint value) => value = keys[_row]),
                    float[] numbers when mapLabel is not null => (ValueGetter<float>)((ref float value) => value = mapLabel(numbers[_row])),
                    float[] numbers => (ValueGetter<float>)((ref float value) => value = numbers[_row]),
                    _ => throw new InvalidOperationException("Unknown label kind."),
                };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
