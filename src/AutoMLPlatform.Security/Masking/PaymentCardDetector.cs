using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Security.Masking;

/// <summary>Payment card numbers: 13-19 digits (spaces or dashes allowed between them) that pass the Luhn check.</summary>
public sealed class PaymentCardDetector : ISensitiveValueDetector
{
    public SensitiveKind Kind => SensitiveKind.PaymentCard;

    public bool Matches(string value)
    {
        Span<int> digits = stackalloc int[19];
        var count = 0;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }

        return count >= 13 && PassesLuhn(digits[..count]);
    }

    /// <summary>Luhn: from the right, double every second digit (minus 9 above 9); the sum is a multiple of 10.</summary>
    internal static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
