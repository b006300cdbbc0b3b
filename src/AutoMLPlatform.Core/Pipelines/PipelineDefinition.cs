using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// A retraining pipeline, validated: on its schedule, train a challenger on the newest version of a dataset and
/// promote it behind an alias only when it beats the current champion by the policy's margin.
/// </summary>
/// <param name="Name">The pipeline's name, unique per tenant (see <see cref="PipelineNames"/>).</param>
/// <param name="Dataset">The dataset's name; each run uses its newest version.</param>
/// <param name="Label">The column to predict.</param>
/// <param name="Task">The task, or null to infer it from the label.</param>
/// <param name="Metric">The metric that decides promotion (and that the search optimises), or null for the task's default.</param>
/// <param name="TimeBudget">Wall time the training search may use per run.</param>
/// <param name="MaxTrials">Stop the search after this many trials; null for no limit.</param>
/// <param name="ModelName">The registered model challengers become versions of.</param>
/// <param name="Alias">The alias that points at the champion and moves on promotion.</param>
/// <param name="Schedule">When runs start.</param>
/// <param name="Promotion">How a challenger must win, on which rows, and how failures are retried.</param>
/// <param name="Seed">Seed of the holdout split and the search.</param>
public sealed record PipelineDefinition(
    string Name,
    string Dataset,
    string Label,
    TaskKind? Task,
    MetricKind? Metric,
    TimeSpan TimeBudget,
    int? MaxTrials,
    string ModelName,
    string Alias,
    PipelineSchedule Schedule,
    PromotionPolicy Promotion,
    int Seed)
{
    /// <summary>
    /// The rows every run holds out of training and scores both models on: a method, not a property, so it is
    /// computed from the policy and never stored beside it.
    /// </summary>
    public HoldoutSpec Holdout() => new(Promotion.HoldoutFraction, Seed);
}
