using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Storage;

/// <summary>Where and how the platform keeps its data. Bound from the <c>AutoMLPlatform</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "AutoMLPlatform";

    /// <summary>The embedded default data directory, relative to the working directory.</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>Root of every file the platform writes: the SQLite database, blobs and artifacts.</summary>
    /// <value>Defaults to <c>data</c> under the working directory.</value>
    [Required]
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>Which database holds the metadata.</summary>
    /// <value>Defaults to <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string when <see cref="Provider"/> is PostgreSQL; unused for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The free space below which the data directory's file system makes the host not ready (<c>/health</c> answers 503).</summary>
    /// <value>Defaults to <see cref="DefaultMinimumFreeSpaceMegabytes"/> (512 MB).</value>
    [Range(0, long.MaxValue)]
    public long MinimumFreeSpaceMegabytes { get; set; } = DefaultMinimumFreeSpaceMegabytes;

    public const long DefaultMinimumFreeSpaceMegabytes = 512;

    /// <summary>How often the blob sweep looks for files nothing names (orphan blobs, staging and temporary files).</summary>
    /// <value>Defaults to one hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan BlobSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How old an unnamed file must be before the sweep removes it: longer than any job or upload runs.</summary>
    /// <value>Defaults to one day.</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromDays(1);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
