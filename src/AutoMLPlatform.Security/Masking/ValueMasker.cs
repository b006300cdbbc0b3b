using System.Text;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// How a sensitive value is shown: enough to recognise its shape, nothing to recover it. E-mail addresses keep the
/// first letter of each part and the top-level domain (<c>j***@e***.com</c>); anything else keeps its first and last
/// character (<c>+***9</c>), and short values are starred out entirely.
/// </summary>
public static class ValueMasker
{
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var dot = value.LastIndexOf('.');
        if (at > 0 && dot > at + 1)
        {
            return $"{value[0]}***@{value[at + 1]}***{value[dot..]}";
        }

        return value.Length <= 4 ? "****" : new StringBuilder().Append(value[0]).Append("***").Append(value[^1]).ToString();
    }
}
