using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Security.Masking;

/// <summary>Addresses of the form local@domain.tld.</summary>
public sealed partial class EmailDetector : ISensitiveValueDetector
{
    public SensitiveKind Kind => SensitiveKind.Email;

    public bool Matches(string value) => value.Length <= 254 && Pattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")]
    private static partial Regex Pattern();
}
