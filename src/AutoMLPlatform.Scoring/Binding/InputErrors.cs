using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>The input errors every prediction format reports the same way, each naming the row and the field.</summary>
internal static class InputErrors
{
    public static InvalidInputException MissingColumn(RowLocation where, string column) => new(RequestErrorCodes.MissingColumn,
        $"{where.Subject} has no field '{column}', which the model reads; send null (or an empty cell) to mean a missing value.",
        where.FieldPath(column));

    public static InvalidInputException WrongType(RowLocation where, string column, string expected) => new(RequestErrorCodes.WrongType,
        $"{where.Subject} has a value for '{column}' that is not {expected}.", where.FieldPath(column));

    public static InvalidInputException AmbiguousField(RowLocation where, string field, IReadOnlyList<string> columns) => new("ambiguous-field",
        $"{where.Subject} has a field '{field}' that matches the columns {Quoted(columns)} only ignoring case; send the exact name of the one meant.",
        where.FieldPath(field));

    public static InvalidInputException DuplicateField(RowLocation where, string column, string field) => new("duplicate-field",
        $"{where.Subject} gives column '{column}' twice (again as '{field}'); send each column once.", where.FieldPath(field));

    public static InvalidInputException NotAnObject(RowLocation where) => new(RequestErrorCodes.InvalidRow,
        $"{where.Subject} must be a JSON object of column values.", where.FieldPath(null));

    private static string Quoted(IReadOnlyList<string> columns) =>
        string.Join(" and ", columns.Select(c => $"'{c}'"));
}
