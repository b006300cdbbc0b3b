using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// International bank account numbers: two letters, two check digits, 11-30 letters or digits (spaces allowed),
/// whose rearranged numeric form is 1 modulo 97 (ISO 13616).
/// </summary>
public sealed class IbanDetector : ISensitiveValueDetector
{
    public SensitiveKind Kind => SensitiveKind.Iban;

    public bool Matches(string value)
    {
        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1]) ||
            !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        // Move the first four characters to the end, read letters as 10..35, and take the remainder digit by digit.
        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            var number = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = number >= 10 ? (remainder * 100 + number) % 97 : (remainder * 10 + number) % 97;
        }

        return remainder == 1;
    }
}
