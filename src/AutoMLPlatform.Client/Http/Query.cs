using System.Globalization;
using System.Text;

namespace AutoMLPlatform.Client.Http;

/// <summary>A path with a query string of the parameters that have values.</summary>
internal static class Query
{
    public static string Of(string path, params (string Name, object? Value)[] parameters)
    {
        var text = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            var formatted = value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(formatted));
            separator = '&';
        }

        return text.ToString();
    }
}
