using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>Where retraining pipeline definitions are read from at start. Bound from <c>AutoMLPlatform:Pipelines</c>.</summary>
public sealed class PipelinesOptions
{
    public const string SectionName = "AutoMLPlatform:Pipelines";

    /// <summary>The default directory, relative to the working directory.</summary>
    public const string DefaultDirectory = "pipelines";

    /// <summary>
    /// The directory whose <c>*.json</c> files are loaded at every start (created or replaced by name). A missing
    /// directory means no file pipelines; a file that is not a valid definition is logged as an error and skipped.
    /// </summary>
    /// <value>Defaults to <c>pipelines</c> under the working directory.</value>
    [Required]
    public string Directory { get; set; } = DefaultDirectory;

    public string FullDirectory => Path.GetFullPath(Directory);
}
