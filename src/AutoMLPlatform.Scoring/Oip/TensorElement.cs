namespace AutoMLPlatform.Scoring.Oip;

/// <summary>One element of a request tensor as sent: a number, a boolean, a string, or null (a missing value).</summary>
internal readonly record struct TensorElement(TensorElementKind Kind, double Number, string? Text)
{
    public static TensorElement Null => default;

    public static TensorElement Of(double number) => new(TensorElementKind.Number, number, null);

    public static TensorElement Of(bool flag) => new(TensorElementKind.Bool, flag ? 1 : 0, null);

    public static TensorElement Of(string text) => new(TensorElementKind.Text, 0, text);
}

/// <summary>The JSON kinds a tensor element can have.</summary>
internal enum TensorElementKind
{
    Null,
    Number,
    Bool,
    Text,
}
