using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>
/// Rows appended to a dataset do not have its columns: the message names the columns the upload lacks and the
/// ones it has in excess, so the caller can fix the file.
/// </summary>
public sealed class SchemaMismatchException : InvalidInputException
{
    public SchemaMismatchException(IReadOnlyList<string> missing, IReadOnlyList<string> extra)
        : base("schema-mismatch", Describe(missing, extra), "file")
    {
        Missing = missing;
        Extra = extra;
    }

    /// <summary>Columns of the dataset that the appended file lacks.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Columns of the appended file that the dataset does not have.</summary>
    public IReadOnlyList<string> Extra { get; }

    private static string Describe(IReadOnlyList<string> missing, IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(extra);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"missing column(s): {string.Join(", ", missing.Select(c => $"'{c}'"))}");
        }

        if (extra.Count > 0)
        {
            parts.Add($"extra column(s): {string.Join(", ", extra.Select(c => $"'{c}'"))}");
        }

        return $"Appended rows must have exactly the dataset's columns; the file has {string.Join(" and ", parts)}.";
    }
}
