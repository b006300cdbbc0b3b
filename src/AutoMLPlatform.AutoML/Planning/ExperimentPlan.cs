using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Planning;

/// <summary>What an experiment decided before its first trial: task, metric, column roles and validation.</summary>
public sealed record ExperimentPlan(TaskKind Task, string TaskReason, MetricKind Metric, IReadOnlyList<ColumnDecision> Columns, string Validation);
