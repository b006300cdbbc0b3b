using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Modeling;

/// <summary>Wire names of tasks: <c>binary</c>, <c>multiclass</c>, <c>regression</c>.</summary>
public static class TaskKindNames
{
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
}
