using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Modeling;

/// <summary>
/// Wire names of tasks: <c>binary</c>, <c>multiclass</c>, <c>regression</c>, and the learner-specific requests
/// <c>text-classification</c> and <c>image-classification</c> (binary or multiclass, inferred from the label).
/// </summary>
public static class TaskKindNames
{
    public const string TextClassification = "text-classification";
    public const string ImageClassification = "image-classification";
    public static string NameOf(TaskKind task) => task.ToString().ToLowerInvariant();

    public static string? NameOf(TaskKind? task) => task is { } t ? NameOf(t) : null;

    /// <summary>Parses a task name; <c>auto</c> (or nothing) gives null, meaning "infer it from the label".</summary>
    public static TaskKind? ParseOrAuto(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Enum.TryParse<TaskKind>(name, ignoreCase: true, out var task) && Enum.IsDefined(task)
            ? task
            : throw new InvalidInputException("unknown-task", $"Unknown task '{name}'. Use auto, binary, multiclass or regression.", field);
    }

    /// <summary>Parses a task name as a job request: a task kind, or one of the learner-specific names.</summary>
    public static TaskRequest ParseRequest(string? name, string field)
    {
        if (string.Equals(name, TextClassification, StringComparison.OrdinalIgnoreCase))
        {
            return new TaskRequest(null, DataModality.Text);
        }

        if (string.Equals(name, ImageClassification, StringComparison.OrdinalIgnoreCase))
        {
            return new TaskRequest(null, DataModality.Image);
        }

        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return TaskRequest.Auto;
        }

        return Enum.TryParse<TaskKind>(name, ignoreCase: true, out var task) && Enum.IsDefined(task)
            ? new TaskRequest(task, DataModality.Auto)
            : throw new InvalidInputException("unknown-task",
                $"Unknown task '{name}'. Use auto, binary, multiclass, regression, {TextClassification} or {ImageClassification}.", field);
    }
}
