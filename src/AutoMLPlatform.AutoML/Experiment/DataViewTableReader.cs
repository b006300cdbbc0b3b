using System.Globalization;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>
/// Reads an ML.NET <see cref="IDataView"/> into the engine's in-memory table: numeric and boolean columns as
/// numbers (booleans 0/1), text columns as text profiled like an uploaded file. Columns of other types (vectors,
/// keys, dates) are not read. Afterwards it adapts the result so the model reads the view's own column types.
/// </summary>
internal sealed class DataViewTableReader
{
    private readonly IDataView _source;
    private readonly string _label;
    private readonly string[] _converted;

    private DataViewTableReader(IDataView source, string label, LoadedTable table, DatasetSchema schema, string[] converted)
    {
        _source = source;
        _label = label;
        Table = table;
        Schema = schema;
        _converted = converted;
    }

    public LoadedTable Table { get; }

    public DatasetSchema Schema { get; }

    public static DataViewTableReader Read(IDataView data, string label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = data.Schema.Where(c => !c.IsHidden && (IsNumber(c.Type) || c.Type is TextDataViewType)).ToArray();
        if (!columns.Any(c => c.Name == label) && data.Schema.GetColumnOrNull(label) is { } unreadable)
        {
            throw new InvalidInputException("unsupported-label", $"The label '{label}' is of type {unreadable.Type}; it must be a number, a boolean or text.", "label");
        }

        var values = columns.Select(_ => new List<string>()).ToArray();
        var numbers = columns.Select(_ => new List<float>()).ToArray();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select((c, i) => Reader(cursor, c, values[i], numbers[i])).ToArray();
            for (long row = 0; cursor.MoveNext(); row++)
            {
                if ((row & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                foreach (var read in readers)
                {
                    read();
                }
            }
        }

        var profiles = new List<ColumnProfile>();
        var tableColumns = new List<TableColumn>();
        for (var i = 0; i < columns.Length; i++)
        {
            var isNumber = IsNumber(columns[i].Type);
            var texts = isNumber ? numbers[i].Select(v => float.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture)) : values[i];
            var profile = ValueProfiler.Profile(columns[i].Name, texts);
            profiles.Add(isNumber ? profile with { Type = ColumnType.Numeric } : profile);
            tableColumns.Add(isNumber
                ? new NumericColumn(columns[i].Name, [.. numbers[i]])
                : new StringColumn(columns[i].Name, profile.Type, values[i].Select(v => Missing.Is(v) ? string.Empty : profile.Type == ColumnType.Text ? v : v.Trim()).ToArray()));
        }

        var converted = columns.Where(c => IsNumber(c.Type) && c.Type != NumberDataViewType.Single && c.Name != label).Select(c => c.Name).ToArray();
        return new DataViewTableReader(data, label, new LoadedTable(tableColumns, tableColumns.Count == 0 ? 0 : tableColumns[0].Length),
            new DatasetSchema(profiles), converted);
    }

    /// <summary>The result with its model reading the view's own types: numbers that were not <c>Single</c> are converted first.</summary>
    public ExperimentResult AdaptResult(MLContext mlContext, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(result);
        var inputs = result.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var builder = new DataViewSchema.Builder();
        foreach (var column in _source.Schema.Where(c => !c.IsHidden && inputs.Contains(c.Name) && c.Name != _label))
        {
            builder.AddColumn(column.Name, column.Type);
        }

        var schema = builder.ToSchema();
        var conversions = _converted.Where(inputs.Contains).Select(n => new InputOutputColumnPair(n, n)).ToArray();
        if (conversions.Length == 0)
        {
            return result with { InputSchema = schema };
        }

        // Fitting a conversion reads only the schema: the source view itself serves.
        var prefix = mlContext.Transforms.Conversion.ConvertType(conversions, DataKind.Single).Fit(_source);
        return result with { Model = prefix.Append(result.Model), InputSchema = schema };
    }

    private static bool IsNumber(DataViewType type) => type is NumberDataViewType or BooleanDataViewType;

    private static Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column, List<string> texts, List<float> numbers)
    {
        if (column.Type is TextDataViewType)
        {
            var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            return () => { ReadOnlyMemory<char> v = default; text(ref v); texts.Add(v.ToString()); };
        }

        return column.Type.RawType switch
        {
            var t when t == typeof(float) => Number<float>(cursor, column, numbers, v => v),
            var t when t == typeof(double) => Number<double>(cursor, column, numbers, v => (float)v),
            var t when t == typeof(int) => Number<int>(cursor, column, numbers, v => v),
            var t when t == typeof(long) => Number<long>(cursor, column, numbers, v => v),
            var t when t == typeof(short) => Number<short>(cursor, column, numbers, v => v),
            var t when t == typeof(sbyte) => Number<sbyte>(cursor, column, numbers, v => v),
            var t when t == typeof(uint) => Number<uint>(cursor, column, numbers, v => v),
            var t when t == typeof(ulong) => Number<ulong>(cursor, column, numbers, v => v),
            var t when t == typeof(ushort) => Number<ushort>(cursor, column, numbers, v => v),
            var t when t == typeof(byte) => Number<byte>(cursor, column, numbers, v => v),
            var t when t == typeof(bool) => Number<bool>(cursor, column, numbers, v => v ? 1 : 0),
            _ => throw new InvalidOperationException($"Column '{column.Name}' has unsupported type {column.Type}."),
        };
    }

    private static Action Number<T>(DataViewRowCursor cursor, DataViewSchema.Column column, List<float> numbers, Func<T, float> convert)
    {
        var getter = cursor.GetGetter<T>(column);
        return () => { T v = default!; getter(ref v); numbers.Add(convert(v)); };
    }
}
