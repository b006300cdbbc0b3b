using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Data;

internal sealed partial class TabularDataView
{
    private sealed class Cursor(TabularDataView view, int[]? order) : DataViewRowCursor
    {
        private int _index = -1;
        private int _row = -1;

        public override long Position => _index;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            if (_index + 1 >= view.RowCount)
            {
                _index = view.RowCount;
                return false;
            }

            _index++;
            _row = order is null ? _index : order[_index];
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index < view._columns.Length
                ? view._columns[column.Index] switch
                {
                    NumericColumn n => (ValueGetter<float>)((ref float value) => value = n.Values[_row]),
                    StringColumn s => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = s.Values[_row].AsMemory()),
                    _ => throw new InvalidOperationException($"Unknown column kind {view._columns[column.Index].GetType().Name}."),
                }
                : view._label switch
                {
                    bool[] flags => (ValueGetter<bool>)((ref bool value) => value = flags[_row]),
                    uint[] keys => (ValueGetter<uint>)((ref uint value) => value = keys[_row]),
                    float[] numbers => (ValueGetter<float>)((ref float value) => value = numbers[_row]),
                    _ => throw new InvalidOperationException("The view has no label column."),
                };

            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
