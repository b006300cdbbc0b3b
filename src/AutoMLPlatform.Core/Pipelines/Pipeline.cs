using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>A stored pipeline: its definition and where it came from.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Definition">What it does.</param>
/// <param name="Source"><c>api</c>, or <c>file:NAME.json</c> for a definition loaded from the pipelines directory.</param>
/// <param name="CreatedAt">When it was first stored.</param>
/// <param name="UpdatedAt">When its definition last changed.</param>
public sealed record Pipeline(TenantId TenantId, PipelineDefinition Definition, string Source, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The source of a pipeline created or replaced over the HTTP API.</summary>
    public const string ApiSource = "api";

    public string Name => Definition.Name;

    /// <summary>The source of a pipeline loaded from a file of the pipelines directory.</summary>
    public static string FileSource(string fileName) => $"file:{fileName}";
}
