namespace AutoMLPlatform.Client.Jobs;

/// <summary>What to train: the only required parts are the dataset and the label column.</summary>
/// <param name="DatasetId">The dataset to train on.</param>
/// <param name="Label">The column to predict.</param>
public sealed record JobRequest(Datasets.DatasetId DatasetId, string Label)
{
    /// <summary>A version of the dataset; the newest when null.</summary>
    public int? DatasetVersion { get; init; }

    /// <summary><c>auto</c> (null), <c>binary</c>, <c>multiclass</c>, <c>regression</c>, <c>text-classification</c> or <c>image-classification</c>.</summary>
    public string? Task { get; init; }

    /// <summary>The metric to optimise; the task's default when null.</summary>
    public string? Metric { get; init; }

    /// <summary>Wall time for the search, 1 to 86,400 seconds; 60 when null.</summary>
    public double? TimeBudgetSeconds { get; init; }

    /// <summary>The model the result becomes a version of; the dataset's name when null.</summary>
    public string? ModelName { get; init; }

    /// <summary>Seed for splits and search.</summary>
    public int? Seed { get; init; }

    /// <summary>Stop after this many trials.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>True to search only what exports to ONNX (tables only).</summary>
    public bool? RequireOnnx { get; init; }

    /// <summary>Split the search into this many parts run by any free workers, 1 to 7 (tables only).</summary>
    public int? Parallelism { get; init; }
}
