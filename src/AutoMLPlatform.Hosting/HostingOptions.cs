using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Hosting;

/// <summary>Limits every HTTP host of the platform applies to JSON request bodies. Bound from <c>AutoMLPlatform:Hosting</c>.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "AutoMLPlatform:Hosting";

    /// <summary>The default of <see cref="MaxJsonBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxJsonBodyBytes = 1L << 20;

    /// <summary>The default of <see cref="MaxJsonDepth"/>.</summary>
    public const int DefaultMaxJsonDepth = 32;

    /// <summary>
    /// Largest JSON body of the API (job specs, pipelines, keys, ...), in bytes; a larger one is answered 413
    /// <c>payload-too-large</c> before it is parsed, which bounds what a document can expand to in memory (every element
    /// of it included). The prediction endpoints have their own limits (<c>AutoMLPlatform:Scoring</c>).
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxJsonBodyBytes"/>.</value>
    [Range(1024, 1L << 30)]
    public long MaxJsonBodyBytes { get; set; } = DefaultMaxJsonBodyBytes;

    /// <summary>Deepest nesting of objects and arrays a JSON body may have; deeper is answered 400.</summary>
    /// <value>Defaults to <see cref="DefaultMaxJsonDepth"/>.</value>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = DefaultMaxJsonDepth;
}
