using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Modeling;

/// <summary>Names, directions, defaults and task applicability of the metrics, in one table.</summary>
public static class Metrics
{
    private static readonly Dictionary<MetricKind, (string Name, bool HigherIsBetter, TaskKind[] Tasks)> Table = new()
    {
        [MetricKind.Auc] = ("auc", true, [TaskKind.Binary]),
        [MetricKind.Accuracy] = ("accuracy", true, [TaskKind.Binary, TaskKind.Multiclass]),
        [MetricKind.F1] = ("f1", true, [TaskKind.Binary]),
        [MetricKind.LogLoss] = ("logloss", false, [TaskKind.Binary, TaskKind.Multiclass]),
        [MetricKind.MacroF1] = ("macro_f1", true, [TaskKind.Multiclass]),
        [MetricKind.Rmse] = ("rmse", false, [TaskKind.Regression]),
        [MetricKind.Mae] = ("mae", false, [TaskKind.Regression]),
        [MetricKind.R2] = ("r2", true, [TaskKind.Regression]),
    };

    /// <summary>The wire name of a metric, e.g. <c>macro_f1</c>.</summary>
    public static string NameOf(MetricKind metric) => Table[metric].Name;

    public static bool HigherIsBetter(MetricKind metric) => Table[metric].HigherIsBetter;

    public static bool AppliesTo(MetricKind metric, TaskKind task) => Table[metric].Tasks.Contains(task);

    /// <summary>The metrics reported for a task, in display order.</summary>
    public static IReadOnlyList<MetricKind> For(TaskKind task) =>
        Table.Where(kv => kv.Value.Tasks.Contains(task)).Select(kv => kv.Key).ToArray();

    /// <summary>The metric optimised when the user names none: AUC, log loss and RMSE.</summary>
    public static MetricKind DefaultFor(TaskKind task) => task switch
    {
        TaskKind.Binary => MetricKind.Auc,
        TaskKind.Multiclass => MetricKind.LogLoss,
        TaskKind.Regression => MetricKind.Rmse,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    public static bool TryParse(string? name, out MetricKind metric)
    {
        foreach (var (kind, info) in Table)
        {
            if (string.Equals(info.Name, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(kind.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                metric = kind;
                return true;
            }
        }

        metric = default;
        return false;
    }

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public static bool IsBetter(MetricKind metric, double candidate, double incumbent) =>
        HigherIsBetter(metric) ? candidate > incumbent : candidate < incumbent;

    /// <summary>Parses a metric name or throws an input error naming the allowed ones.</summary>
    public static MetricKind Parse(string name, string field) => TryParse(name, out var metric)
        ? metric
        : throw new InvalidInputException("unknown-metric",
            $"Unknown metric '{name}'. Known metrics: {string.Join(", ", Table.Values.Select(v => v.Name))}.", field);
}
