using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>How far a job has got, updated after each trial.</summary>
/// <param name="Phase">What it is doing.</param>
/// <param name="TrialsDone">Trials finished so far in this attempt.</param>
/// <param name="BestScore">The best validation score of the optimised metric so far.</param>
/// <param name="BestTrainer">The trainer of the best trial so far.</param>
/// <param name="Elapsed">Time since the attempt started.</param>
/// <param name="Task">The task, once resolved.</param>
/// <param name="Metric">The optimised metric, once resolved.</param>
/// <param name="Validation">How trials are validated, in words, once decided.</param>
/// <param name="Columns">What the search does with each column and why, once decided.</param>
/// <param name="Epoch">While a network trains: the epoch under way, from 1.</param>
/// <param name="PlannedEpochs">While a network trains: the epochs it plans.</param>
public sealed record JobProgress(
    [property: JsonConverter(typeof(JobPhaseJsonConverter))] JobPhase Phase,
    int TrialsDone,
    double? BestScore,
    string? BestTrainer,
    TimeSpan Elapsed,
    TaskKind? Task,
    MetricKind? Metric,
    string? Validation = null,
    IReadOnlyList<ColumnNote>? Columns = null,
    int? Epoch = null,
    int? PlannedEpochs = null)
{
    public static JobProgress Queued { get; } = new(JobPhase.Queued, 0, null, null, TimeSpan.Zero, null, null);

    /// <summary>The phase in words, as the API has always shown it: <c>searching</c>, or <c>training, epoch 3 of 10</c>.</summary>
    public string Describe() => Epoch is { } epoch && PlannedEpochs is { } planned
        ? FormattableString.Invariant($"{Phase.ToString().ToLowerInvariant()}, epoch {epoch} of {planned}")
        : Phase.ToString().ToLowerInvariant();

    /// <summary>The same progress in another phase; an epoch belongs to the training phase only.</summary>
    public JobProgress In(JobPhase phase) => this with { Phase = phase, Epoch = null, PlannedEpochs = null };
}
