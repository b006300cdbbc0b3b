using System.Globalization;
using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// Telephone numbers: 7-15 digits written the way people write phone numbers (a leading '+' or '(' or separators
/// between digit groups). A bare run of digits, a decimal number or a date is not taken for a phone number: it is far
/// more often an amount, a code or a day.
/// </summary>
public sealed partial class PhoneDetector : ISensitiveValueDetector
{
    public SensitiveKind Kind => SensitiveKind.Phone;

    public bool Matches(string value)
    {
        var text = value.Trim();
        if (!Pattern().IsMatch(text))
        {
            return false;
        }

        // Dates ("2024-01-15") and plain decimals ("1234.5678") fit the pattern but are not phone numbers.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ||
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var digits = text.Count(char.IsAsciiDigit);
        var written = text.StartsWith('+') || text.Contains('(', StringComparison.Ordinal) || text.Any(c => c is ' ' or '-' or '.' or '/');
        return digits is >= 7 and <= 15 && written;
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ().\-/]{5,22}[0-9]$")]
    private static partial Regex Pattern();
}
