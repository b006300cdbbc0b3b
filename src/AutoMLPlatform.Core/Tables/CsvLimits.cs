namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Bounds on one record of delimited text, checked while it is read: a hostile line (a hundred million empty fields,
/// one endless quoted field) is refused after at most these many characters and fields, never held whole in memory.
/// </summary>
public sealed record CsvLimits
{
    /// <summary>The default of <see cref="MaxFields"/>.</summary>
    public const int DefaultMaxFields = 10_000;

    /// <summary>The default of <see cref="MaxFieldLength"/>: 1 Mi characters.</summary>
    public const int DefaultMaxFieldLength = 1 << 20;

    /// <summary>The default of <see cref="MaxRecordLength"/>: 4 Mi characters.</summary>
    public const int DefaultMaxRecordLength = 4 << 20;

    /// <summary>Most fields one record (the header included) may have.</summary>
    /// <value>Defaults to <see cref="DefaultMaxFields"/> (10,000).</value>
    public int MaxFields { get; init; } = DefaultMaxFields;

    /// <summary>Longest field, in characters: an unterminated quote must not swallow a whole file into memory.</summary>
    /// <value>Defaults to <see cref="DefaultMaxFieldLength"/> (1,048,576).</value>
    public int MaxFieldLength { get; init; } = DefaultMaxFieldLength;

    /// <summary>Most characters of all fields of one record together.</summary>
    /// <value>Defaults to <see cref="DefaultMaxRecordLength"/> (4,194,304).</value>
    public int MaxRecordLength { get; init; } = DefaultMaxRecordLength;

    /// <summary>The defaults.</summary>
    public static CsvLimits Default { get; } = new();
}
