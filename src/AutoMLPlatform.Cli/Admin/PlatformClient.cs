using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Cli.Admin;

/// <summary>
/// Calls the platform's HTTP API with a key. A 4xx answer becomes a <see cref="PlatformRefusedException"/> carrying the
/// problem detail's own words; anything else that is not a success becomes an <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class PlatformClient(PlatformConnection connection, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _http = CreateClient(connection, handler);

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonNode> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    /// <summary>A GET whose answer is a file (an ONNX model): its bytes, or the same errors as the JSON calls.</summary>
    public async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var detail = ProblemText(text) ?? response.ReasonPhrase ?? "no detail";
        if (status is >= 400 and < 500)
        {
            throw new PlatformRefusedException($"{status}: {detail}");
        }

        throw new HttpRequestException($"The platform answered {status}: {detail}");
    }

    private static string? ProblemText(string body)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var title = (string?)problem?["title"];
            var detail = (string?)problem?["detail"];
            return detail is null ? title : $"{title} {detail}".Trim();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpClient CreateClient(PlatformConnection connection, HttpMessageHandler? handler)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = connection.BaseAddress;
        http.Timeout = TimeSpan.FromSeconds(100);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Key);
        return http;
    }
}
