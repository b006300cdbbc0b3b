namespace AutoMLPlatform.Client.Models;

/// <summary>A model version with its metrics, input columns, lineage and artifact hash.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The version number.</param>
/// <param name="Task"><c>binary</c>, <c>multiclass</c>, <c>regression</c>, ….</param>
/// <param name="Label">The column it predicts.</param>
/// <param name="Metric">The metric its search optimised.</param>
/// <param name="Metrics">Its validation metrics by name.</param>
/// <param name="Inputs">The columns a prediction takes.</param>
/// <param name="Classes">The classes of a classifier, in the order of its probabilities.</param>
/// <param name="Lineage">The dataset version, job, trainer and settings it came from.</param>
/// <param name="ArtifactSha256">The model file's SHA-256.</param>
/// <param name="ArtifactSizeBytes">The model file's size.</param>
/// <param name="Aliases">The aliases pointing at this version.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="DeletedAt">When its artifact was deleted (the row stays for lineage).</param>
public sealed record ModelVersion(
    string Name,
    int Version,
    string Task,
    string Label,
    string Metric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ModelInput> Inputs,
    IReadOnlyList<string> Classes,
    ModelLineage Lineage,
    string ArtifactSha256,
    long ArtifactSizeBytes,
    IReadOnlyList<string> Aliases,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt);
