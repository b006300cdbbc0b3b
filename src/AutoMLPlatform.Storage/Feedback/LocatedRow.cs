namespace AutoMLPlatform.Storage.Feedback;

/// <summary>Where a logged row is: its block, its index there, and the row itself.</summary>
internal sealed record LocatedRow(string BlockId, int Index, BlockRow Row);
