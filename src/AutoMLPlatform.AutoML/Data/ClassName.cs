using System.Globalization;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>How a numeric label value is written as a class name: "0", "1", "2.5", "" for missing.</summary>
public static class ClassName
{
    public static string Of(float value) => float.IsNaN(value) ? string.Empty : value.ToString(CultureInfo.InvariantCulture);
}
