namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>How a claim of a queued row ended.</summary>
internal enum ClaimResult
{
    /// <summary>This worker holds the row now, as a new attempt.</summary>
    Claimed,

    /// <summary>Another writer got there first: nothing to do.</summary>
    Taken,

    /// <summary>The row had used up its attempts and was failed with the reason instead.</summary>
    GaveUp,
}
