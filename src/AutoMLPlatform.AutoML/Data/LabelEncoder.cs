using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>Turns a label column into the array a <see cref="TabularDataView"/> serves, by its <see cref="LabelEncoding"/>.</summary>
internal static class LabelEncoder
{
    public static Array Encode(TableColumn label, LabelEncoding encoding) => encoding.Task switch
    {
        TaskKind.Binary => Texts(label).Select(v => string.Equals(v, encoding.PositiveClass, StringComparison.Ordinal)).ToArray(),
        TaskKind.Multiclass => EncodeKeys(Texts(label), encoding.Classes),
        TaskKind.Regression => label is NumericColumn n ? n.Values : throw new InvalidOperationException("A regression label must be numeric."),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>The label's values as the class names classification uses (numbers in invariant form).</summary>
    public static IEnumerable<string> Texts(TableColumn label) => label switch
    {
        NumericColumn n => n.Values.Select(ClassName.Of),
        StringColumn s => s.Values,
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    private static uint[] EncodeKeys(IEnumerable<string> values, IReadOnlyList<string> classes)
    {
        var keys = new Dictionary<string, uint>(StringComparer.Ordinal);
        for (var i = 0; i < classes.Count; i++)
        {
            keys[classes[i]] = (uint)(i + 1);
        }

        // Key 0 is ML.NET's "missing": a row whose class is not among the known ones carries no label.
        return values.Select(v => keys.GetValueOrDefault(v)).ToArray();
    }
}
