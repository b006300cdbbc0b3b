namespace AutoMLPlatform.Client.Access;

/// <summary>The audit chain checked end to end: intact, or the first entry that was edited, removed or reordered and why.</summary>
public sealed record AuditVerification(bool Intact, int Entries, long? BrokenAt, string? Reason);
