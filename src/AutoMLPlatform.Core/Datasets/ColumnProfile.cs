using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>
/// One column of an uploaded table as inferred from its values.
/// </summary>
/// <param name="Name">The header text, exactly as uploaded.</param>
/// <param name="Type">The inferred kind of values.</param>
/// <param name="MissingCount">Rows whose field is empty.</param>
/// <param name="DistinctCount">Distinct present values; a lower bound when <paramref name="DistinctCountCapped"/>.</param>
/// <param name="DistinctCountCapped">True when counting stopped at the profiler's cap.</param>
/// <param name="Numeric">Min, max and mean when <paramref name="Type"/> is numeric (never for a sensitive column).</param>
/// <param name="ValueCounts">How often each value occurs, when every value was counted (the class folders of an image dataset); else null.</param>
/// <param name="Sensitive">Set when the column holds personal data: why, and what training does with it.</param>
public sealed record ColumnProfile(
    string Name,
    ColumnType Type,
    long MissingCount,
    long DistinctCount,
    bool DistinctCountCapped = false,
    NumericSummary? Numeric = null,
    IReadOnlyDictionary<string, long>? ValueCounts = null,
    SensitiveColumn? Sensitive = null);
