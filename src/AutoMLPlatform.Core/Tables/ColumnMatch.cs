namespace AutoMLPlatform.Core.Tables;

/// <summary>The column a name matched, and how.</summary>
/// <param name="Index">The column's position; -1 unless <paramref name="Kind"/> is exact or ignoring case.</param>
/// <param name="Kind">How the name matched.</param>
public readonly record struct ColumnMatch(int Index, ColumnMatchKind Kind)
{
    public static readonly ColumnMatch None = new(-1, ColumnMatchKind.None);

    public static readonly ColumnMatch Ambiguous = new(-1, ColumnMatchKind.Ambiguous);

    /// <summary>True when the name binds to <see cref="Index"/>.</summary>
    public bool Found => Index >= 0;
}
