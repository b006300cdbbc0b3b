using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>What an experiment is asked to do.</summary>
public sealed class ExperimentSettings
{
    /// <summary>The column to predict.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The task, or null to infer it from the label.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The metric to optimise, or null for the task's default (AUC, log loss, RMSE).</summary>
    public MetricKind? Metric { get; init; }

    /// <summary>Wall time for the whole search, refit included.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop after this many trials even when time is left; null for no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Seed for splits and every trial's <c>MLContext</c>.</summary>
    /// <value>Defaults to 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Share of rows held out for validation.</summary>
    /// <value>Defaults to 0.2.</value>
    public double ValidationFraction { get; init; } = 0.2;
}
