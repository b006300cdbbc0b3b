using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Hashing;

/// <summary>
/// The engine's side of keyed hashing: which columns a dataset marks for it, hashing them in the training table
/// before anything else reads it, and putting the same hashing in front of the finished model.
/// </summary>
internal static class KeyedHashing
{
    /// <summary>The columns the uploader chose to hash (never the label, which the model must answer in clear).</summary>
    public static IReadOnlySet<string> ColumnsOf(DatasetSchema schema, string label) =>
        schema.Columns.Where(c => c.Sensitive?.Handling == SensitiveHandling.Hash && c.Name != label).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The table with every value of <paramref name="columns"/> replaced by its keyed hash.</summary>
    public static LoadedTable Hash(LoadedTable table, IReadOnlySet<string> columns, IKeyedHasher? hasher)
    {
        if (columns.Count == 0)
        {
            return table;
        }

        if (hasher is null)
        {
            throw new InvalidOperationException(
                $"Columns {string.Join(", ", columns.Select(c => $"'{c}'"))} are marked for keyed hashing, but no hasher was given (ExperimentSettings.KeyedHasher).");
        }

        return table with { Columns = table.Columns.Select(c => columns.Contains(c.Name) ? Hash(c, hasher) : c).ToArray() };
    }

    /// <summary><paramref name="model"/> behind the hashing of its inputs flagged <see cref="ModelInputColumn.KeyedHash"/>; itself when none is.</summary>
    public static ITransformer Wrap(MLContext mlContext, ITransformer model, IReadOnlyList<ModelInputColumn> inputs, IKeyedHasher? hasher)
    {
        var columns = inputs.Where(i => i.KeyedHash).Select(i => i.Name).ToArray();
        return columns.Length == 0 ? model
            : new KeyedHashModel(mlContext, model, columns, hasher ?? throw new InvalidOperationException("A model with keyed-hash inputs needs its tenant's hasher."));
    }

    private static StringColumn Hash(TableColumn column, IKeyedHasher hasher)
    {
        // Scoring hashes what its binder makes of a request (CellText: booleans rewritten, other text trimmed); only text
        // kept as written in both places hashes alike, which uploads ensure by storing hashed columns as categorical.
        if (column is not StringColumn { Type: ColumnType.Categorical or ColumnType.Text } text)
        {
            throw new UnprocessableException("keyed-hash-column-type",
                $"Column '{column.Name}' is stored as {column.Type.ToString().ToLowerInvariant()}, so its values cannot be hashed as written; upload the dataset again to hash it.");
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new string[text.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = text.Values[i];
            if (!hashes.TryGetValue(value, out var hash))
            {
                hashes[value] = hash = hasher.Hash(value);
            }

            values[i] = hash;
        }

        return text with { Values = values };
    }
}
