using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>How far a job has got, updated after each trial.</summary>
/// <param name="Phase">A short word for what it is doing: queued, loading, searching, refitting, registering, done.</param>
/// <param name="TrialsDone">Trials finished so far in this attempt.</param>
/// <param name="BestScore">The best validation score of the optimised metric so far.</param>
/// <param name="BestTrainer">The trainer of the best trial so far.</param>
/// <param name="Elapsed">Time since the attempt started.</param>
/// <param name="Task">The task, once resolved.</param>
/// <param name="Metric">The optimised metric, once resolved.</param>
/// <param name="Validation">How trials are validated, in words, once decided.</param>
/// <param name="Columns">What the search does with each column and why, once decided.</param>
public sealed record JobProgress(
    string Phase,
    int TrialsDone,
    double? BestScore,
    string? BestTrainer,
    TimeSpan Elapsed,
    TaskKind? Task,
    MetricKind? Metric,
    string? Validation = null,
    IReadOnlyList<ColumnNote>? Columns = null)
{
    public static JobProgress Queued { get; } = new("queued", 0, null, null, TimeSpan.Zero, null, null);
}
