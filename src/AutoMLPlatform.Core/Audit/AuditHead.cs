namespace AutoMLPlatform.Core.Audit;

/// <summary>
/// The newest entry's sequence number and hash, written by every append in its own transaction and kept apart from the
/// entries: a trail whose newest entries were deleted still chains, but no longer ends where its head says.
/// </summary>
public sealed record AuditHead(long Sequence, string Hash);
