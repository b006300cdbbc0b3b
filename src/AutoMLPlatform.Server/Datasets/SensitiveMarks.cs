using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>
/// Applies the uploader's choices to an inferred schema: <c>sensitive</c> lists columns to treat as personal data
/// beyond those detected; <c>hashColumns</c> lists sensitive columns to use as keyed hashes rather than drop (stored
/// as categorical, whatever their values look like).
/// Both are comma-separated column names; an unknown name is an error naming it.
/// </summary>
internal static class SensitiveMarks
{
    public const string SensitiveField = "sensitive";
    public const string HashField = "hashColumns";

    public static DatasetSchema Apply(DatasetSchema schema, IReadOnlyDictionary<string, string> fields)
    {
        var marked = Names(fields, SensitiveField, schema);
        var hashed = Names(fields, HashField, schema);
        var columns = schema.Columns.Select(column =>
        {
            var sensitive = column.Sensitive
                ?? (marked.Contains(column.Name) ? new SensitiveColumn(SensitiveKind.Marked, SensitiveReasons.Describe(SensitiveKind.Marked) + ".", SensitiveHandling.Drop) : null);
            if (hashed.Contains(column.Name))
            {
                sensitive = sensitive is null
                    ? throw new InvalidInputException("hash-not-sensitive", $"Column '{column.Name}' is not sensitive; list it under '{SensitiveField}' to hash it.", HashField)
                    : sensitive with { Handling = SensitiveHandling.Hash };

                // A hashed column is a category of hashes, and it is hashed as written (trimmed), in training as at
                // prediction: so it is stored as categorical, never parsed as a number, a boolean or a date.
                return column with { Type = ColumnType.Categorical, Sensitive = sensitive, Numeric = null };
            }

            return sensitive is null ? column : column with { Sensitive = sensitive, Numeric = null };
        }).ToArray();
        return new DatasetSchema(columns);
    }

    private static HashSet<string> Names(IReadOnlyDictionary<string, string> fields, string field, DatasetSchema schema)
    {
        var names = fields.GetValueOrDefault(field, string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => schema.Find(n) is null).ToArray();
        return unknown.Length > 0
            ? throw new InvalidInputException("unknown-column", $"The file has no column {string.Join(", ", unknown.Select(n => $"'{n}'"))}.", field)
            : names.ToHashSet(StringComparer.Ordinal);
    }
}
