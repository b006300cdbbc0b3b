namespace AutoMLPlatform.Client.Datasets;

/// <summary>How to store an upload.</summary>
/// <param name="Name">The dataset's name; the file's name (without extension) when left out.</param>
/// <param name="Mode">Replace (default) or append to the dataset's newest version.</param>
/// <param name="Sensitive">Columns to treat as personal data beyond those detected: masked in previews, left out of training unless hashed.</param>
/// <param name="HashColumns">Sensitive columns to train on as keyed hashes instead of leaving them out.</param>
public sealed record DatasetUpload(string? Name = null, UploadMode Mode = UploadMode.Replace, IReadOnlyList<string>? Sensitive = null,
    IReadOnlyList<string>? HashColumns = null);
