namespace AutoMLPlatform.Core.Security;

/// <summary>Marks a column as personal data: why, in words, and what training does with it.</summary>
public sealed record SensitiveColumn(SensitiveKind Kind, string Reason, SensitiveHandling Handling);
