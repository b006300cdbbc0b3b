using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.AutoML.Inference;

/// <summary>What the engine decided for one column, and why, in words a user can read.</summary>
public sealed record ColumnDecision(string Name, ColumnType Type, ColumnRole Role, string Reason);
