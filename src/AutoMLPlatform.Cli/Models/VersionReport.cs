using AutoMLPlatform.Core.Insight;

namespace AutoMLPlatform.Cli.Models;

/// <summary>The answer of <c>GET /api/models/{name}/versions/{v}/report</c>, as the CLI reads it; parts not computed are null.</summary>
internal sealed record VersionReport(string Model, int Version, string Task, EvaluationReport? Validation, EvaluationReport? Evaluation,
    FeatureImportance? Importance);
