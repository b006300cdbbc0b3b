using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Registry;

/// <summary>An immutable, numbered version of a registered model.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="ModelName">The registered model's name.</param>
/// <param name="Version">1 for the first, then increasing by one.</param>
/// <param name="Task">What it predicts.</param>
/// <param name="Label">The column it predicts.</param>
/// <param name="Metric">The metric its job optimised.</param>
/// <param name="Metrics">Validation metrics by wire name.</param>
/// <param name="Inputs">The columns it reads.</param>
/// <param name="Classes">Class names for classification (binary: negative then positive), empty for regression.</param>
/// <param name="Lineage">Dataset version, job, trainer and hyperparameters.</param>
/// <param name="ArtifactSha256">Hex SHA-256 of the model artifact.</param>
/// <param name="ArtifactSizeBytes">Size of the model artifact.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="DeletedAt">When it was deleted (a tombstone kept for lineage), or null.</param>
public sealed record ModelVersion(
    TenantId TenantId,
    string ModelName,
    int Version,
    TaskKind Task,
    string Label,
    MetricKind Metric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ModelInputColumn> Inputs,
    IReadOnlyList<string> Classes,
    ModelLineage Lineage,
    string ArtifactSha256,
    long ArtifactSizeBytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt = null);
