namespace AutoMLPlatform.Core.Modeling;

/// <summary>Codes of the refusals of what to train: the submit path, pipeline validation, the engine, the Torch trainers and the CLI bench refuse the same fault with the same code.</summary>
public static class TrainingErrorCodes
{
    public const string UnknownLabel = "unknown-label";

    public const string MetricNotForTask = "metric-not-for-task";

    public const string NoTextColumn = "no-text-column";

    public const string TaskNotForDataset = "task-not-for-dataset";

    public const string NoLabelledRows = "no-labelled-rows";

    public const string NoUsableColumns = "no-usable-columns";
}
