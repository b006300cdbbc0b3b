using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tables;

/// <summary>One column of a table loaded into memory for training.</summary>
public abstract record TableColumn(string Name, ColumnType Type)
{
    public abstract int Length { get; }
}

/// <summary>A numeric column; a missing value is <see cref="float.NaN"/>.</summary>
public sealed record NumericColumn(string Name, float[] Values) : TableColumn(Name, ColumnType.Numeric)
{
    public override int Length => Values.Length;
}

/// <summary>
/// A column kept as text (categorical, boolean, text, date-time, image path), as written but trimmed; a missing
/// value is the empty string.
/// </summary>
public sealed record StringColumn(string Name, ColumnType Type, string[] Values) : TableColumn(Name, Type)
{
    public override int Length => Values.Length;
}
