using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Inference;

/// <summary>Chooses the task from the label when the user did not, and checks a chosen task fits the label.</summary>
public static class TaskInference
{
    /// <summary>More classes than this is almost surely a mistaken label (an id or a number).</summary>
    public const int MaxClasses = 1000;

    public static (TaskKind Task, string Reason) Resolve(ColumnProfile label, TaskKind? requested, long rowCount)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (rowCount - label.MissingCount == 0)
        {
            throw new UnprocessableException("label-all-missing", $"Every value of the label '{label.Name}' is missing.", "label");
        }

        if (label.DistinctCount < 2)
        {
            throw new UnprocessableException("label-single-value", $"The label '{label.Name}' has a single value; there is nothing to learn.", "label");
        }

        if (requested is { } task)
        {
            Check(label, task);
            return (task, $"The task was given: {TaskKindNames.NameOf(task)}.");
        }

        if (label.DistinctCount == 2)
        {
            return (TaskKind.Binary, "The label has two distinct values.");
        }

        if (label.Type == ColumnType.Numeric)
        {
            return (TaskKind.Regression, $"The label is numeric with {label.DistinctCount} distinct values.");
        }

        Check(label, TaskKind.Multiclass);
        return (TaskKind.Multiclass, $"The label has {label.DistinctCount} distinct non-numeric values.");
    }

    private static void Check(ColumnProfile label, TaskKind task)
    {
        switch (task)
        {
            case TaskKind.Regression when label.Type != ColumnType.Numeric:
                throw new UnprocessableException("label-not-numeric", $"Regression needs a numeric label; '{label.Name}' is {label.Type.ToString().ToLowerInvariant()}.", "task");
            case TaskKind.Binary when label.DistinctCount != 2:
                throw new UnprocessableException("label-not-binary", $"Binary classification needs exactly two label values; '{label.Name}' has {label.DistinctCount}.", "task");
            case TaskKind.Multiclass when label.DistinctCount > MaxClasses:
                throw new UnprocessableException("label-too-many-classes", $"The label '{label.Name}' has {label.DistinctCount} distinct values; at most {MaxClasses} classes are supported.", "task");
        }
    }
}
