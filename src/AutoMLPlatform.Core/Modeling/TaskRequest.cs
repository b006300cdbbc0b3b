namespace AutoMLPlatform.Core.Modeling;

/// <summary>A task as a caller names it: a task kind (null to infer it from the label) and the kind of learner.</summary>
public readonly record struct TaskRequest(TaskKind? Kind, DataModality Modality)
{
    public static TaskRequest Auto { get; } = new(null, DataModality.Auto);
}
