using System.Net;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>Reads <c>/health</c> the way a load balancer or an orchestrator's readiness probe does.</summary>
public static class HealthProbe
{
    public static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> ReadAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Polls until the answer satisfies <paramref name="done"/> (a host's checks settle in its first seconds).</summary>
    public static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> WaitForAsync(HttpClient http,
        Func<(HttpStatusCode Status, string? ContentType, JsonObject Body), bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var answer = await ReadAsync(http);
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The status of the check named <paramref name="name"/> in a health answer, or null if it is not listed.</summary>
    public static string? CheckStatus(JsonObject body, string name)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (string?)body["checks"]!.AsArray().FirstOrDefault(c => (string?)c!["name"] == name)?["status"];
    }
}
