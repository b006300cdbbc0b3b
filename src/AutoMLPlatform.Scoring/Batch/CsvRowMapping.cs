using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Binding;

namespace AutoMLPlatform.Scoring.Batch;

/// <summary>
/// How a CSV header maps onto a model's input columns, and the binding of each record through it. The header's names
/// are read as an upload's are (<see cref="HeaderNames"/>: trimmed, empty ones named, repeats suffixed), then bind
/// to columns by <see cref="ColumnNameLookup"/>'s rule: exact names first; a name matching one column only ignoring
/// case binds to it unless another header name matches that column exactly (then it is a column of the caller's table
/// the model does not read); a name matching several columns only ignoring case, or two names binding one column only
/// ignoring case, is refused. Other columns are carried along but not read. A model column the header lacks is refused
/// before any row is read, unless training saw missing values there (then every row has it missing). An empty cell is a
/// missing value; a numeric column's cell that is not a number is an error naming the line and the column.
/// </summary>
internal sealed class CsvRowMapping
{
    private readonly int[] _fieldOf;

    private CsvRowMapping(IReadOnlyList<string> header, IReadOnlyList<string> names, int[] fieldOf)
    {
        Header = header;
        Names = names;
        _fieldOf = fieldOf;
    }

    /// <summary>The header's fields as sent.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The header's column names (<see cref="HeaderNames.Normalize"/>), one per field.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Maps <paramref name="header"/> (on line <paramref name="line"/>) for <paramref name="columns"/>; throws naming every required column it lacks.</summary>
    public static CsvRowMapping For(IReadOnlyList<string> header, InputColumns columns, long line)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var names = HeaderNames.Normalize(header);
        var matches = names.Select(columns.Find).ToArray();
        var fieldOf = Enumerable.Repeat(-1, columns.Count).ToArray();
        for (var field = 0; field < names.Length; field++)
        {
            if (matches[field].Kind == ColumnMatchKind.Exact)
            {
                fieldOf[matches[field].Index] = field; // names are unique, so each column is matched exactly at most once
            }
        }

        var exact = fieldOf.Select(f => f >= 0).ToArray();
        for (var field = 0; field < names.Length; field++)
        {
            var match = matches[field];
            if (match.Kind == ColumnMatchKind.Ambiguous)
            {
                throw InputErrors.AmbiguousField(RowLocation.Line(line), names[field], columns.MatchesIgnoringCase(names[field]));
            }

            if (match.Kind != ColumnMatchKind.IgnoringCase || exact[match.Index])
            {
                continue;
            }

            fieldOf[match.Index] = fieldOf[match.Index] < 0
                ? field
                : throw InputErrors.DuplicateField(RowLocation.Line(line), columns.Columns[match.Index].Name, names[field]);
        }

        var lacking = Enumerable.Range(0, columns.Count).Where(c => fieldOf[c] < 0 && !columns.Columns[c].AllowMissing).ToArray();
        if (lacking.Length > 0)
        {
            throw new InvalidInputException(RequestErrorCodes.MissingColumn, lacking.ToDictionary(c => columns.Columns[c].Name,
                c => new[] { $"The CSV header has no column '{columns.Columns[c].Name}', which the model reads; leave its cells empty to mean missing values." }));
        }

        return new CsvRowMapping(header, names, fieldOf);
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
