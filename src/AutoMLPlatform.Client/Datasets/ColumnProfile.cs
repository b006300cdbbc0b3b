using System.Text.Json;

namespace AutoMLPlatform.Client.Datasets;

/// <summary>What the platform inferred about one column.</summary>
/// <param name="Name">The header.</param>
/// <param name="Type"><c>numeric</c>, <c>categorical</c>, <c>text</c>, <c>boolean</c>, <c>dateTime</c>, <c>image</c>, ….</param>
/// <param name="MissingCount">Empty or missing values.</param>
/// <param name="DistinctCount">Distinct values (a lower bound when <paramref name="DistinctCountCapped"/>).</param>
/// <param name="DistinctCountCapped">True when counting stopped at the cap.</param>
/// <param name="Numeric">Minimum, maximum and mean of a numeric column.</param>
/// <param name="ValueCounts">Counts of the values of a low-cardinality column.</param>
/// <param name="Sensitive">Set when the column looks like (or was marked as) personal data: its kind and why.</param>
public sealed record ColumnProfile(
    string Name,
    string Type,
    long MissingCount,
    long DistinctCount,
    bool DistinctCountCapped,
    NumericSummary? Numeric,
    IReadOnlyDictionary<string, long>? ValueCounts,
    JsonElement? Sensitive);
