using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// How a non-numeric cell is presented to a model, the same at training and at prediction: missing becomes
/// the empty string, booleans become "true" / "false", everything else is trimmed.
/// </summary>
public static class CellText
{
    public static string Normalize(string? field, ColumnType type)
    {
        if (Missing.Is(field))
        {
            return string.Empty;
        }

        if (type == ColumnType.Boolean && BooleanParser.TryParse(field!, out var flag))
        {
            return flag ? "true" : "false";
        }

        return type == ColumnType.Text ? field! : field!.Trim();
    }
}
