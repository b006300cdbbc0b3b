namespace AutoMLPlatform.Core.Insight;

/// <summary>
/// Permutation feature importance per input column: how much the metric worsens when one column's values are shuffled
/// across rows (breaking its link to the label while keeping its distribution), over several repeats.
/// </summary>
/// <param name="Metric">The metric whose loss is measured (wire name).</param>
/// <param name="Baseline">The metric on the unshuffled rows.</param>
/// <param name="Rows">How many rows were scored.</param>
/// <param name="Repeats">How many shuffles each column got (fewer than asked when the time share ran out).</param>
/// <param name="Description">Which rows, in words.</param>
/// <param name="Columns">Most important first.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record FeatureImportance(
    string Metric,
    double Baseline,
    int Rows,
    int Repeats,
    string Description,
    IReadOnlyList<ColumnImportance> Columns,
    DateTimeOffset ComputedAt);
