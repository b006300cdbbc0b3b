namespace AutoMLPlatform.Client.Datasets;

/// <summary>A dataset version as the platform shows it, with its inferred schema.</summary>
/// <param name="Id">The dataset's id, the same for all its versions.</param>
/// <param name="Name">Its name; uploading under the same name adds a version.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Sha256">The file's SHA-256 (hex).</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="RowCount">Data rows (images, for an image zip).</param>
/// <param name="Format"><c>csv</c>, <c>tsv</c> or <c>imageZip</c>.</param>
/// <param name="Schema">The columns as inferred.</param>
/// <param name="CreatedAt">When the version was stored.</param>
/// <param name="Versions">The dataset's versions, only when the dataset itself was asked for.</param>
public sealed record Dataset(
    DatasetId Id,
    string Name,
    int Version,
    string Sha256,
    long SizeBytes,
    long RowCount,
    string Format,
    DatasetSchema Schema,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DatasetVersionSummary>? Versions);
