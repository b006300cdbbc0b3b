using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Registry;

/// <summary>A model version before the registry numbers it.</summary>
public sealed record NewModelVersion(
    TenantId TenantId,
    string ModelName,
    TaskKind Task,
    string Label,
    MetricKind Metric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ModelInputColumn> Inputs,
    IReadOnlyList<string> Classes,
    ModelLineage Lineage,
    string ArtifactSha256,
    long ArtifactSizeBytes);
