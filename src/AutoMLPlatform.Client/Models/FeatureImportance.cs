namespace AutoMLPlatform.Client.Models;

/// <summary>Permutation importance: how much <paramref name="Metric"/> worsens when each column is shuffled, most important first.</summary>
public sealed record FeatureImportance(string Metric, double Baseline, int Rows, int Repeats, string Description, IReadOnlyList<ColumnImportance> Columns,
    DateTimeOffset ComputedAt);
