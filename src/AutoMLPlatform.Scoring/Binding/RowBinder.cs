using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.RowTypes;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// Fills a run-time row object from a JSON object, through setters compiled once per model version (no reflection
/// per request). Fields bind by column name, ignoring case; unknown fields are ignored. A field given as null (or an
/// empty string) is a missing value, which the model imputes. A field left out entirely is treated the same only
/// where the training data had missing values in that column; otherwise it is an error naming the column, because
/// a column the model always saw is more likely misspelt than meant to be missing.
/// Numbers may come as JSON numbers or numeric strings; text columns accept strings, numbers and booleans.
/// </summary>
internal sealed class RowBinder<TRow>
    where TRow : class, new()
{
    private readonly Slot[] _slots;
    private readonly Dictionary<string, int> _byName;

    public RowBinder(RowType rowType)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        _slots = rowType.Columns.Select((column, i) => Slot.For(column, rowType.FieldNames[i])).ToArray();
        _byName = rowType.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Fills <paramref name="row"/> from <paramref name="json"/>; <paramref name="rowIndex"/> only names the row in errors.</summary>
    public void Bind(JsonElement json, TRow row, int? rowIndex)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("invalid-row", $"{Where(rowIndex)}must be a JSON object of column values.", FieldPath(rowIndex, null));
        }

        Span<bool> seen = _slots.Length <= 256 ? stackalloc bool[_slots.Length] : new bool[_slots.Length];
        foreach (var property in json.EnumerateObject())
        {
            if (_byName.TryGetValue(property.Name, out var index))
            {
                _slots[index].Set(row, property.Value, rowIndex);
                seen[index] = true;
            }
        }

        for (var i = 0; i < _slots.Length; i++)
        {
            if (!seen[i])
            {
                _slots[i].SetAbsent(row, rowIndex);
            }
        }
    }

    /// <summary>A row with every column missing (numbers NaN, text empty): for warming a model up.</summary>
    public TRow Empty()
    {
        var row = new TRow();
        foreach (var slot in _slots)
        {
            slot.SetMissingUnchecked(row);
        }

        return row;
    }

    private static string Where(int? rowIndex) => rowIndex is { } i ? $"Row {i} " : "The body ";

    private static string FieldPath(int? rowIndex, string? column) =>
        (rowIndex, column) switch
        {
            (null, null) => "body",
            (null, { } c) => c,
            ({ } i, null) => $"[{i}]",
            ({ } i, { } c) => $"[{i}].{c}",
        };

    private sealed class Slot
    {
        private readonly ModelInputColumn _column;
        private readonly Action<TRow, float>? _setNumber;
        private readonly Action<TRow, string>? _setText;

        private Slot(ModelInputColumn column, Action<TRow, float>? setNumber, Action<TRow, string>? setText)
        {
            _column = column;
            _setNumber = setNumber;
            _setText = setText;
        }

        public static Slot For(ModelInputColumn column, string fieldName) => column.Type == ColumnType.Numeric
            ? new Slot(column, Setter<float>(fieldName), null)
            : new Slot(column, null, Setter<string>(fieldName));

        public void Set(TRow row, JsonElement value, int? rowIndex)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                SetMissingUnchecked(row);
                return;
            }

            if (_setNumber is not null)
            {
                _setNumber(row, ReadNumber(value, rowIndex));
                return;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw WrongType(rowIndex, "a string"),
            };
            if (Missing.Is(text))
            {
                SetMissingUnchecked(row);
                return;
            }

            _setText!(row, CellText.Normalize(text, _column.Type));
        }

        public void SetAbsent(TRow row, int? rowIndex)
        {
            if (!_column.AllowMissing)
            {
                throw new InvalidInputException("missing-column",
                    $"{Where(rowIndex)}has no field '{_column.Name}', which the model reads; send null to mean a missing value.",
                    FieldPath(rowIndex, _column.Name));
            }

            SetMissingUnchecked(row);
        }

        public void SetMissingUnchecked(TRow row)
        {
            _setNumber?.Invoke(row, float.NaN);
            _setText?.Invoke(row, string.Empty);
        }

        private float ReadNumber(JsonElement value, int? rowIndex)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                return (float)number;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString()!;
                if (Missing.Is(text))
                {
                    return float.NaN;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                {
                    return (float)number;
                }
            }

            throw WrongType(rowIndex, "a number");
        }

        private InvalidInputException WrongType(int? rowIndex, string expected) => new("wrong-type",
            $"{Where(rowIndex)}has a value for '{_column.Name}' that is not {expected}.", FieldPath(rowIndex, _column.Name));

        private static Action<TRow, T> Setter<T>(string fieldName)
        {
            var row = Expression.Parameter(typeof(TRow), "row");
            var value = Expression.Parameter(typeof(T), "value");
            return Expression.Lambda<Action<TRow, T>>(Expression.Assign(Expression.Field(row, fieldName), value), row, value).Compile();
        }
    }
}
