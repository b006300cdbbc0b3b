using AutoMLPlatform.Core.Insight;

namespace AutoMLPlatform.Server.Models;

/// <summary>
/// What is known about a model version's quality and drivers: the report on the engine's validation rows, the latest
/// report on a dataset the user evaluated it on, and permutation importance. Parts not computed (yet) are left out.
/// </summary>
public sealed record ModelReportResponse(string Model, int Version, string Task, EvaluationReport? Validation, EvaluationReport? Evaluation,
    FeatureImportance? Importance);

/// <summary>The body of <c>POST /api/models/{name}/versions/{v}/evaluate</c>: a labelled dataset and optionally its version (default: newest).</summary>
public sealed record EvaluateRequest(string? DatasetId, int? DatasetVersion);
