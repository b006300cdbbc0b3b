using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Datasets.Images;

/// <summary>
/// How an image dataset looks as a table: column <c>image</c> (one row per image; at prediction time the image is
/// sent as base64 text in this column) and column <c>label</c> (its class folder), with the image count per class.
/// </summary>
public static class ImageDatasetSchema
{
    public const string ImageColumn = "image";
    public const string LabelColumn = "label";

    public static DatasetSchema From(ImageZipSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new DatasetSchema(
        [
            new ColumnProfile(ImageColumn, ColumnType.Image, 0, summary.ImageCount),
            new ColumnProfile(LabelColumn, ColumnType.Categorical, 0, summary.Classes.Count,
                ValueCounts: summary.Classes.ToDictionary(c => c.Name, c => (long)c.Count, StringComparer.Ordinal)),
        ]);
    }
}
