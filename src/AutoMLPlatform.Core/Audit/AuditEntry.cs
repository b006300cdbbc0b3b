namespace AutoMLPlatform.Core.Audit;

/// <summary>An appended audit record with its place in the chain: its sequence number and the hashes that bind it.</summary>
public sealed record AuditEntry(long Sequence, AuditRecord Record, string PreviousHash, string Hash);
