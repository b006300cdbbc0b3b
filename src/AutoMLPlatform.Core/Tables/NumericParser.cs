using System.Globalization;

namespace AutoMLPlatform.Core.Tables;

/// <summary>Parses a field as a finite number in the invariant culture ("1.5", "-3e4"); NaN and infinities are not numbers here.</summary>
public static class NumericParser
{
    public static bool TryParse(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
