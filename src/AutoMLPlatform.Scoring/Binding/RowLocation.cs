namespace AutoMLPlatform.Scoring.Binding;

/// <summary>Where a row came from, to name it in errors: the whole JSON body, an item of a JSON array, or a CSV line.</summary>
internal readonly record struct RowLocation
{
    private readonly Kind _kind;
    private readonly long _number;

    private RowLocation(Kind kind, long number)
    {
        _kind = kind;
        _number = number;
    }

    /// <summary>A JSON body that is one object.</summary>
    public static RowLocation Body => default;

    /// <summary>The item at a zero-based index of a JSON array.</summary>
    public static RowLocation Item(int index) => new(Kind.Item, index);

    /// <summary>A record starting on a one-based line of a CSV body.</summary>
    public static RowLocation Line(long line) => new(Kind.Line, line);

    /// <summary>The subject of an error sentence: "The body", "Row 4", "Line 12".</summary>
    public string Subject => _kind switch
    {
        Kind.Item => $"Row {_number}",
        Kind.Line => $"Line {_number}",
        _ => "The body",
    };

    /// <summary>The key of a field in a validation problem: the column, prefixed by the array index for JSON arrays.</summary>
    public string FieldPath(string? column) => (_kind, column) switch
    {
        (Kind.Item, null) => $"[{_number}]",
        (Kind.Item, { } c) => $"[{_number}].{c}",
        (_, null) => "body",
        (_, { } c) => c,
    };

    private enum Kind
    {
        Body,
        Item,
        Line,
    }
}
