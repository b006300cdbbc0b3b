using System.Globalization;
using System.Text;

namespace AutoMLPlatform.Client.Http;

/// <summary>
/// One route of the platform's HTTP API, as its OpenAPI document names it (<c>GET /api/models/{name}</c>). Every call of
/// the client goes through one of these, so a test can hold the list against the server's document.
/// </summary>
internal sealed record ApiRoute(HttpMethod Method, string Template)
{
    /// <summary>The path with each <c>{placeholder}</c> replaced, in order, by an escaped value.</summary>
    public string Path(params object[] values)
    {
        var path = new StringBuilder(Template.Length + 32);
        var next = 0;
        for (var i = 0; i < Template.Length; i++)
        {
            if (Template[i] != '{')
            {
                path.Append(Template[i]);
                continue;
            }

            var end = Template.IndexOf('}', i);
            if (next >= values.Length)
            {
                throw new ArgumentException($"The route {Template} needs more values than the {values.Length} given.", nameof(values));
            }

            var value = Convert.ToString(values[next++], CultureInfo.InvariantCulture) ?? "";
            if (value.Length == 0)
            {
                throw new ArgumentException($"The value for {Template[i..(end + 1)]} is empty.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(value));
            i = end;
        }

        return next == values.Length ? path.ToString() : throw new ArgumentException($"The route {Template} takes {next} values, not {values.Length}.", nameof(values));
    }

    public override string ToString() => $"{Method} {Template}";
}
