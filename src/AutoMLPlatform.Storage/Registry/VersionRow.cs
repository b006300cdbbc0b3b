using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Storage.Database;

namespace AutoMLPlatform.Storage.Registry;

/// <summary>The <c>model_versions</c> table's row shape; converts to and from <see cref="ModelVersion"/>.</summary>
internal sealed class VersionRow
{
    public string TenantId { get; set; } = "";
    public string ModelName { get; set; } = "";
    public int Version { get; set; }
    public string Task { get; set; } = "";
    public string Label { get; set; } = "";
    public string Metric { get; set; } = "";
    public string MetricsJson { get; set; } = "{}";
    public string InputsJson { get; set; } = "[]";
    public string ClassesJson { get; set; } = "[]";
    public string LineageJson { get; set; } = "{}";
    public string ArtifactSha256 { get; set; } = "";
    public long ArtifactSize { get; set; }
    public long CreatedAt { get; set; }
    public long? DeletedAt { get; set; }
    public string? JobId { get; set; }

    public static VersionRow From(NewModelVersion version, int number, long createdAt) => new()
    {
        TenantId = version.TenantId.ToString(),
        ModelName = version.ModelName,
        Version = number,
        Task = version.Task.ToString(),
        Label = version.Label,
        Metric = version.Metric.ToString(),
        MetricsJson = StoreJson.Write(version.Metrics.Where(kv => double.IsFinite(kv.Value)).ToDictionary()),
        InputsJson = StoreJson.Write(version.Inputs),
        ClassesJson = StoreJson.Write(version.Classes),
        LineageJson = StoreJson.Write(LineageDocument.From(version.Lineage)),
        ArtifactSha256 = version.ArtifactSha256,
        ArtifactSize = version.ArtifactSizeBytes,
        CreatedAt = createdAt,
        JobId = version.Lineage.JobId?.ToString(),
    };

    public ModelVersion ToVersion() => new(
        Core.Tenancy.TenantId.Parse(TenantId),
        ModelName,
        Version,
        Enum.Parse<TaskKind>(Task),
        Label,
        Enum.Parse<MetricKind>(Metric),
        StoreJson.Read<Dictionary<string, double>>(MetricsJson),
        StoreJson.Read<ModelInputColumn[]>(InputsJson),
        StoreJson.Read<string[]>(ClassesJson),
        StoreJson.Read<LineageDocument>(LineageJson).ToLineage(),
        ArtifactSha256,
        ArtifactSize,
        UnixTime.FromMs(CreatedAt),
        UnixTime.FromMs(DeletedAt));
}
