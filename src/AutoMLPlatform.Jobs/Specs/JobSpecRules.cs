using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Jobs.Specs;

/// <summary>
/// What a valid training spec is, for every way one is asked for: a job submitted over HTTP and a retraining
/// pipeline's definition (each of its runs trains a job from it). Field checks record into an error dictionary so
/// the caller can refuse every offending field at once; checks against the dataset throw, with the field named.
/// </summary>
public static class JobSpecRules
{
    /// <summary>Longest time budget accepted: one day.</summary>
    public const double MaxTimeBudgetSeconds = 86_400;

    /// <summary>The budget when the request gives none.</summary>
    public const double DefaultTimeBudgetSeconds = 60;

    /// <summary>The requested budget, or the default; out of range is recorded under <c>timeBudgetSeconds</c>.</summary>
    public static double CheckBudget(Dictionary<string, string[]> errors, double? requestedSeconds)
    {
        var budget = requestedSeconds ?? DefaultTimeBudgetSeconds;
        FieldErrors.Require(errors, "timeBudgetSeconds", double.IsFinite(budget) && budget is >= 1 and <= MaxTimeBudgetSeconds,
            $"The time budget is between 1 and {MaxTimeBudgetSeconds} seconds.");
        return budget;
    }

    /// <summary>Records the label and trial-count fields that are missing or out of range.</summary>
    public static void CheckLabelAndTrials(Dictionary<string, string[]> errors, string? label, int? maxTrials)
    {
        FieldErrors.Require(errors, "label", !string.IsNullOrWhiteSpace(label), "Name the column to predict.");
        FieldErrors.Require(errors, "maxTrials", maxTrials is null or >= 1, "At least one trial is needed.");
    }

    /// <summary>The label's column in <paramref name="version"/>; <c>unknown-label</c> (field <c>label</c>) naming the columns there are.</summary>
    public static ColumnProfile FindLabel(DatasetVersion version, string label)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Schema.Find(label)
            ?? throw new InvalidInputException(TrainingErrorCodes.UnknownLabel,
                $"The dataset has no column '{label}'. Its columns are: {string.Join(", ", version.Schema.Columns.Select(c => c.Name))}.", "label");
    }

    /// <summary>The task the engine will train for <paramref name="label"/>, as it will infer it; refused now rather than in a worker when the label cannot be learnt (422).</summary>
    public static TaskKind ResolveTask(DatasetVersion version, ColumnProfile label, TaskKind? task)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(label);
        return TaskInference.Resolve(label, task, version.RowCount).Task;
    }

    /// <summary>Refuses a <paramref name="metric"/> that does not apply to the label's <paramref name="task"/> (<c>metric-not-for-task</c>, field <c>metric</c>).</summary>
    public static void CheckMetric(MetricKind? metric, TaskKind task, string label)
    {
        if (metric is { } m && !Metrics.AppliesTo(m, task))
        {
            throw new InvalidInputException(TrainingErrorCodes.MetricNotForTask,
                $"The metric '{Metrics.NameOf(m)}' does not apply to {TaskKindNames.NameOf(task)} tasks (the task of '{label}').", "metric");
        }
    }
}
