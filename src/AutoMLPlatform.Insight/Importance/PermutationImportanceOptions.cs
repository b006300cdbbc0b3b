using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Insight.Importance;

/// <summary>How permutation importance is computed.</summary>
public sealed class PermutationImportanceOptions
{
    public const int DefaultRepeats = 5;
    public const int DefaultMaxRows = 2000;
    public const int DefaultMinRows = 50;

    /// <summary>Shuffles per column; the spread over them is reported.</summary>
    /// <value>5.</value>
    [Range(1, 100)]
    public int Repeats { get; set; } = DefaultRepeats;

    /// <summary>Most rows scored per pass: a seeded random sample of them beyond this.</summary>
    /// <value>2000.</value>
    [Range(10, 1_000_000)]
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>Fewest rows worth scoring: when the time allowed does not cover one repeat on this many, nothing is computed.</summary>
    /// <value>50.</value>
    [Range(2, 100_000)]
    public int MinRows { get; set; } = DefaultMinRows;

    /// <summary>Seeds the row sample and the shuffles.</summary>
    /// <value>1.</value>
    public int Seed { get; set; } = 1;
}
