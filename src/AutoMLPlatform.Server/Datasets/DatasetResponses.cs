using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Server.Datasets;

/// <summary>A dataset version as the API shows it, with the inferred schema; <see cref="Versions"/> only on a dataset's own page.</summary>
public sealed record DatasetResponse(
    DatasetId Id,
    string Name,
    int Version,
    string Sha256,
    long SizeBytes,
    long RowCount,
    DatasetFormat Format,
    DatasetSchema Schema,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DatasetVersionSummary>? Versions = null)
{
    public static DatasetResponse From(string name, DatasetVersion version) => new(version.DatasetId, name, version.Version, version.Sha256,
        version.SizeBytes, version.RowCount, version.Format, version.Schema, version.CreatedAt);
}

/// <summary>One version in a dataset's history.</summary>
public sealed record DatasetVersionSummary(int Version, string Sha256, long SizeBytes, long RowCount, DateTimeOffset CreatedAt)
{
    public static DatasetVersionSummary From(DatasetVersion version) =>
        new(version.Version, version.Sha256, version.SizeBytes, version.RowCount, version.CreatedAt);
}
