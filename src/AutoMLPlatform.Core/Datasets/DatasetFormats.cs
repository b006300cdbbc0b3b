using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>Recognises an upload's format from its file name and tells the delimiter of a delimited format.</summary>
public static class DatasetFormats
{
    public static char DelimiterOf(DatasetFormat format) => format switch
    {
        DatasetFormat.Csv => ',',
        DatasetFormat.Tsv => '\t',
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Only delimited formats have a delimiter."),
    };

    /// <summary>The format for a file name: <c>.tsv</c>/<c>.tab</c> is TSV, <c>.zip</c> an image zip, anything else CSV.</summary>
    public static DatasetFormat FromFileName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".tsv" or ".tab" => DatasetFormat.Tsv,
            ".zip" => DatasetFormat.ImageZip,
            _ => DatasetFormat.Csv,
        };
    }

    public static bool IsDelimited(DatasetFormat format) => format is DatasetFormat.Csv or DatasetFormat.Tsv;

    /// <summary>Throws an input error for a format this build cannot train on yet.</summary>
    public static void EnsureDelimited(DatasetFormat format)
    {
        if (!IsDelimited(format))
        {
            throw new InvalidInputException("unsupported-format", $"Datasets of format {format} are not supported here; upload a CSV or TSV file (image zips train only image models).", "file");
        }
    }
}
