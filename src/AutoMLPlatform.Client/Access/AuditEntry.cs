namespace AutoMLPlatform.Client.Access;

/// <summary>One audited action: who (key), what, on what, how it ended, and its link in the hash chain.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, ApiKeyId? KeyId, string Action, string Target, string Outcome, string Hash);
