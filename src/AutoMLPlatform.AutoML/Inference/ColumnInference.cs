using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.AutoML.Inference;

/// <summary>
/// Decides each column's role from its profile. Every decision carries a reason, because the first question about
/// an AutoML result is "why was my column ignored?".
/// </summary>
public static partial class ColumnInference
{
    /// <summary>Up to this many distinct values a categorical column is one-hot encoded; above it, hashed.</summary>
    public const int MaxOneHotCardinality = 100;

    /// <summary>A string column whose share of distinct values reaches this looks like an identifier.</summary>
    public const double IdentifierDistinctRatio = 0.9;

    /// <summary>Identifier rules apply only from this many present values on; in tiny tables everything is distinct.</summary>
    public const int IdentifierMinRows = 20;

    /// <param name="schema">The dataset's columns.</param>
    /// <param name="label">The column to predict.</param>
    /// <param name="rowCount">Rows of the table.</param>
    /// <param name="requireOnnx">Leave out what only a step without an ONNX form could use (dates).</param>
    public static IReadOnlyList<ColumnDecision> Decide(DatasetSchema schema, string label, long rowCount, bool requireOnnx = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Columns.Select(c => Decide(c, label, rowCount, requireOnnx)).ToArray();
    }

    private static ColumnDecision Decide(ColumnProfile column, string label, long rowCount, bool requireOnnx)
    {
        var present = rowCount - column.MissingCount;
        if (column.Name == label)
        {
            return new(column.Name, column.Type, ColumnRole.Label, "It is the column to predict.");
        }

        if (column.Sensitive is { } sensitive)
        {
            if (sensitive.Handling != SensitiveHandling.Hash)
            {
                return Ignore(column, $"Personal data ({sensitive.Reason}): left out of training. List it in hashColumns at upload to use a keyed hash of it instead.");
            }

            if (present == 0)
            {
                return Ignore(column, "Every value is missing.");
            }

            // The values are keyed hashes by now (one per distinct value), so the usual cardinality rule applies to them.
            const string Hashed = "marked for hashing: every value is replaced by its HMAC-SHA256 under the tenant's key, in training and at prediction";
            return column.DistinctCount <= MaxOneHotCardinality
                ? Keep(column, ColumnRole.Categorical,
                    $"Personal data ({sensitive.Reason}) {Hashed}; its {column.DistinctCount} hashes are one-hot encoded. The model keeps no raw value.")
                : Keep(column, ColumnRole.HashedCategorical,
                    $"Personal data ({sensitive.Reason}) {Hashed}; the hashes are bucketed into {1 << Featurization.FeaturePipelineBuilder.HashBits} slots. The model keeps no raw value.");
        }

        if (present == 0)
        {
            return Ignore(column, "Every value is missing.");
        }

        if (column.DistinctCount == 1)
        {
            return (column.MissingCount, column.Type) switch
            {
                (0, _) or (_, ColumnType.Image) => Ignore(column, "It has a single value, so it cannot tell rows apart."),
                (_, ColumnType.Numeric) => Keep(column, ColumnRole.Numeric,
                    $"A single value, missing in {column.MissingCount} rows: only whether it is present can matter, which its missing-value indicator carries."),
                _ => Keep(column, ColumnRole.Categorical,
                    $"A single value, missing in {column.MissingCount} rows: only whether it is present can matter, so it is one-hot encoded."),
            };
        }

        var distinctRatio = (double)column.DistinctCount / present;
        var manyRows = present > IdentifierMinRows;
        switch (column.Type)
        {
            case ColumnType.Numeric when manyRows && column.MissingCount == 0 && column.DistinctCount == present && IsConsecutive(column):
                return Ignore(column, $"Whole numbers {column.Numeric!.Min}–{column.Numeric.Max}, one per row: it looks like a row number, which would not generalise.");
            case ColumnType.Numeric when manyRows && distinctRatio >= IdentifierDistinctRatio && IdentifierName().IsMatch(column.Name):
                return Ignore(column, $"Its name and {column.DistinctCount} distinct values in {present} rows say it is an identifier, which would not generalise.");
            case ColumnType.Numeric:
                return Keep(column, ColumnRole.Numeric, column.MissingCount > 0
                    ? $"Numeric; {column.MissingCount} missing values are replaced by the mean and flagged in an indicator column."
                    : "Numeric; a missing value at prediction time is replaced by the training mean.");
            case ColumnType.Boolean:
                return Keep(column, ColumnRole.Categorical, "Yes/no values: one-hot encoded.");
            case ColumnType.DateTime when requireOnnx:
                return Ignore(column, "Dates: their parts come from a custom mapping that has no ONNX form, and the job asks for a model that exports to ONNX (requireOnnx).");
            case ColumnType.DateTime:
                return Keep(column, ColumnRole.DateTime, "Dates: split into year, month, day, weekday, day of year, hour, minute and days since 2000.");
            case ColumnType.Text:
                return Keep(column, ColumnRole.Text, "Free text: word unigrams and bigrams plus character 1–4-grams, IDF weighted, each block normalized.");
            case ColumnType.Image:
                return Keep(column, ColumnRole.Image, "Image paths: read only by image trainers, when one takes part in the search.");
            case ColumnType.Categorical when manyRows && distinctRatio >= IdentifierDistinctRatio:
                return Ignore(column, $"{column.DistinctCount} distinct values in {present} rows: it looks like an identifier, which would not generalise.");
            case ColumnType.Categorical when column.DistinctCount <= MaxOneHotCardinality:
                return Keep(column, ColumnRole.Categorical, $"{column.DistinctCount} distinct values: one-hot encoded.");
            case ColumnType.Categorical:
                return Keep(column, ColumnRole.HashedCategorical,
                    $"{column.DistinctCount} distinct values, too many to one-hot encode: hashed into {1 << Featurization.FeaturePipelineBuilder.HashBits} slots.");
            default:
                return Ignore(column, $"Columns of type {column.Type} are not used for tabular training.");
        }
    }

    /// <summary>Distinct whole numbers filling their whole range: 1, 2, …, n in any order.</summary>
    private static bool IsConsecutive(ColumnProfile column) =>
        column.Numeric is { } n && n.Min == Math.Floor(n.Min) && n.Max == Math.Floor(n.Max) && n.Max - n.Min + 1 == column.DistinctCount
        && Math.Abs(n.Mean - (n.Min + n.Max) / 2) < 1e-6 * Math.Max(1, Math.Abs(n.Max));

    /// <summary>Names like "id", "customer_id", "CustomerId", "order-key", "uuid", "id_2".</summary>
    [GeneratedRegex(@"(^|[^A-Za-z])([Ii][Dd]|[Uu][Uu][Ii][Dd]|[Gg][Uu][Ii][Dd]|[Kk][Ee][Yy])$|[a-z](Id|ID|Uuid|Guid|Key)$|^([Ii][Dd]|[Uu][Uu][Ii][Dd]|[Gg][Uu][Ii][Dd])([^A-Za-z]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierName();

    private static ColumnDecision Keep(ColumnProfile column, ColumnRole role, string reason) => new(column.Name, column.Type, role, reason);

    private static ColumnDecision Ignore(ColumnProfile column, string reason) => new(column.Name, column.Type, ColumnRole.Ignored, reason);
}
