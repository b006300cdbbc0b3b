using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Binding;

namespace AutoMLPlatform.Scoring.Batch;

/// <summary>
/// How a CSV header maps onto a model's input columns, and the binding of each record through it. Header names match
/// columns ignoring case; other columns are carried along but not read. A model column the header lacks is refused
/// before any row is read, unless training saw missing values there (then every row has it missing). An empty cell is a
/// missing value; a numeric column's cell that is not a number is an error naming the line and the column.
/// </summary>
internal sealed class CsvRowMapping
{
    private readonly int[] _fieldOf;

    private CsvRowMapping(IReadOnlyList<string> header, int[] fieldOf)
    {
        Header = header;
        _fieldOf = fieldOf;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Maps <paramref name="header"/> for <paramref name="columns"/>; throws naming every required column it lacks.</summary>
    public static CsvRowMapping For(IReadOnlyList<string> header, InputColumns columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var fieldOf = Enumerable.Repeat(-1, columns.Count).ToArray();
        for (var field = 0; field < header.Count; field++)
        {
            var column = columns.IndexOf(header[field].Trim());
            if (column >= 0 && fieldOf[column] < 0)
            {
                fieldOf[column] = field;
            }
        }

        var lacking = Enumerable.Range(0, columns.Count).Where(c => fieldOf[c] < 0 && !columns.Columns[c].AllowMissing).ToArray();
        if (lacking.Length > 0)
        {
            throw new InvalidInputException("missing-column", lacking.ToDictionary(c => columns.Columns[c].Name,
                c => new[] { $"The CSV header has no column '{columns.Columns[c].Name}', which the model reads; leave its cells empty to mean missing values." }));
        }

        return new CsvRowMapping(header, fieldOf);
    }

    /// <summary>Binds one record (already checked to have as many fields as the header) into <paramref name="target"/>.</summary>
    public void Bind(List<string> fields, RowTarget target, long line)
    {
        var columns = target.Columns;
        for (var column = 0; column < _fieldOf.Length; column++)
        {
            var field = _fieldOf[column];
            if (field < 0)
            {
                target.SetMissing(column);
                continue;
            }

            var cell = fields[field];
            if (Missing.Is(cell))
            {
                target.SetMissing(column);
            }
            else if (columns.IsNumeric(column))
            {
                target.SetNumber(column, NumericParser.TryParse(cell, out var number)
                    ? (float)number
                    : throw InputErrors.WrongType(RowLocation.Line(line), columns.Columns[column].Name, "a number"));
            }
            else
            {
                target.SetText(column, CellText.Normalize(cell, columns.Columns[column].Type));
            }
        }
    }
}
