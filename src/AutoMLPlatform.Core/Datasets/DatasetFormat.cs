namespace AutoMLPlatform.Core.Datasets;

/// <summary>How a dataset version's blob is laid out.</summary>
public enum DatasetFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,

    /// <summary>A zip of one folder per class, each holding images.</summary>
    ImageZip,
}
