namespace AutoMLPlatform.Core.Tables;

/// <summary>The one rule for a missing value in an uploaded table: an empty (or all-blank) field.</summary>
public static class Missing
{
    public static bool Is(string? value) => string.IsNullOrWhiteSpace(value);
}
