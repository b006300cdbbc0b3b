using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.AutoML.Inference;

/// <summary>
/// Decides each column's role from its profile. Every decision carries a reason, because the first question about
/// an AutoML result is "why was my column ignored?".
/// </summary>
public static class ColumnInference
{
    /// <summary>Up to this many distinct values a categorical column is one-hot encoded; above it, hashed.</summary>
    public const int MaxOneHotCardinality = 100;

    /// <summary>A string column whose share of distinct values reaches this looks like an identifier.</summary>
    public const double IdentifierDistinctRatio = 0.9;

    public static IReadOnlyList<ColumnDecision> Decide(DatasetSchema schema, string label, long rowCount)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Columns.Select(c => Decide(c, label, rowCount)).ToArray();
    }

    private static ColumnDecision Decide(ColumnProfile column, string label, long rowCount)
    {
        var present = rowCount - column.MissingCount;
        if (column.Name == label)
        {
            return new(column.Name, column.Type, ColumnRole.Label, "It is the column to predict.");
        }

        if (present == 0)
        {
            return Ignore(column, "Every value is missing.");
        }

        if (column.DistinctCount == 1)
        {
            return Ignore(column, "It has a single value, so it cannot tell rows apart.");
        }

        switch (column.Type)
        {
            case ColumnType.Numeric:
                return new(column.Name, column.Type, ColumnRole.Numeric, column.MissingCount > 0
                    ? $"Numeric; {column.MissingCount} missing values are replaced by the mean and flagged in an indicator column."
                    : "Numeric.");
            case ColumnType.Boolean:
                return new(column.Name, column.Type, ColumnRole.Categorical, "Yes/no values: one-hot encoded.");
            case ColumnType.DateTime:
                return new(column.Name, column.Type, ColumnRole.DateTime, "Dates: split into year, month, day, weekday and hour.");
            case ColumnType.Text:
                return new(column.Name, column.Type, ColumnRole.Text, "Free text: word and character n-gram features.");
            case ColumnType.Categorical when present > 20 && (double)column.DistinctCount / present >= IdentifierDistinctRatio:
                return Ignore(column, $"{column.DistinctCount} distinct values in {present} rows: it looks like an identifier, which would not generalise.");
            case ColumnType.Categorical when column.DistinctCount <= MaxOneHotCardinality:
                return new(column.Name, column.Type, ColumnRole.Categorical, $"{column.DistinctCount} distinct values: one-hot encoded.");
            case ColumnType.Categorical:
                return new(column.Name, column.Type, ColumnRole.HashedCategorical, $"{column.DistinctCount} distinct values, too many to one-hot encode: hashed.");
            default:
                return Ignore(column, $"Columns of type {column.Type} are not used for tabular training.");
        }
    }

    private static ColumnDecision Ignore(ColumnProfile column, string reason) => new(column.Name, column.Type, ColumnRole.Ignored, reason);
}
