namespace AutoMLPlatform.Storage.Feedback;

/// <summary>What a row of a block's outputs holds beyond its id, time and version.</summary>
[Flags]
internal enum BlockRowFlags : byte
{
    None = 0,
    Shadow = 1,
    ShadowOf = 2,
    Label = 4,
    Value = 8,

    /// <summary>The id carries no time (a row moved from the first log, made before ids were time-ordered): stored whole.</summary>
    UntimedId = 16,
}
