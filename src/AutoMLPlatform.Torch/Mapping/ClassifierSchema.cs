using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Mapping;

/// <summary>The estimators' schema checks: the input column must be text; the output adds the classifier columns.</summary>
internal static class ClassifierSchema
{
    /// <summary>
    /// The shape after fitting. Whether the model is binary or multiclass depends on the labels, which only Fit sees,
    /// so the shape given before fitting is the multiclass one (<c>PredictedLabel</c> text, <c>Score</c> vector).
    /// </summary>
    public static SchemaShape OutputShape(MLContext mlContext, SchemaShape input, string inputColumn, string labelColumn)
    {
        Require(input, inputColumn);
        Require(input, labelColumn);
        return ClassifierMapping.CreateEstimator(mlContext, inputColumn, ["a", "b", "c"], _ => [1f / 3, 1f / 3, 1f / 3]).GetOutputSchema(input);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="column"/> is a text column.</summary>
    public static void Require(SchemaShape input, string column)
    {
        var found = input.Where(c => c.Name == column).ToArray();
        if (found.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The input has no column '{column}'.");
        }

        if (found[0].Kind != SchemaShape.Column.VectorKind.Scalar || found[0].ItemType is not TextDataViewType)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The column '{column}' must hold text.");
        }
    }

    private static DataViewSchema.Column TextColumn(DataViewSchema schema, string name) => schema.GetColumnOrNull(name) switch
    {
        null => throw new ArgumentOutOfRangeException(nameof(name), name, $"The input has no column '{name}'."),
        { Type: TextDataViewType } column => column,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"The column '{name}' must hold text."),
    };

    /// <summary>The values of two text columns, row by row.</summary>
    public static (List<string> First, List<string> Second) ReadTextColumns(IDataView data, string first, string second)
    {
        var firstColumn = TextColumn(data.Schema, first);
        var secondColumn = TextColumn(data.Schema, second);
        var (a, b) = (new List<string>(), new List<string>());
        using var cursor = data.GetRowCursor([firstColumn, secondColumn]);
        var getFirst = cursor.GetGetter<ReadOnlyMemory<char>>(firstColumn);
        var getSecond = cursor.GetGetter<ReadOnlyMemory<char>>(secondColumn);
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getFirst(ref value);
            a.Add(value.ToString());
            getSecond(ref value);
            b.Add(value.ToString());
        }

        return (a, b);
    }
}
