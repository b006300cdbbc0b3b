using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>An immutable version of a dataset: its content hash, size and inferred schema.</summary>
/// <param name="DatasetId">The dataset this version belongs to.</param>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Version">1 for the first upload, then increasing by one.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes; the blob's key.</param>
/// <param name="SizeBytes">Size of the stored bytes.</param>
/// <param name="RowCount">Data rows (header excluded), or images for an image dataset.</param>
/// <param name="Format">How the blob is laid out.</param>
/// <param name="Schema">The inferred columns.</param>
/// <param name="CreatedAt">When the version was stored.</param>
public sealed record DatasetVersion(
    DatasetId DatasetId,
    TenantId TenantId,
    int Version,
    string Sha256,
    long SizeBytes,
    long RowCount,
    DatasetFormat Format,
    DatasetSchema Schema,
    DateTimeOffset CreatedAt);
