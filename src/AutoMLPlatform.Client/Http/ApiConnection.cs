using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AutoMLPlatform.Client.Http;

/// <summary>
/// Sends one call over the configured <see cref="HttpClient"/> (base address, key and retries are its business) and
/// reads the answer: JSON into a type, a stream, or nothing; any error answer becomes an <see cref="AutoMLPlatformException"/>.
/// </summary>
internal sealed class ApiConnection(HttpClient http, AutoMLPlatformClientOptions options)
{
    /// <summary>Set on a request whose body cannot be sent twice (a stream that cannot seek): it is never retried.</summary>
    public static readonly HttpRequestOptionsKey<bool> NotRetryable = new("AutoMLPlatform.NotRetryable");

    /// <summary>The header a canary split routes by.</summary>
    public const string RoutingKeyHeader = "X-Routing-Key";

    public AutoMLPlatformClientOptions Options { get; } = options;

    public async Task<T> SendAsync<T>(ApiRoute route, string path, HttpContent? content, CancellationToken cancellationToken, string? routingKey = null)
    {
        using var response = await SendCoreAsync(route, path, content, HttpCompletionOption.ResponseContentRead, cancellationToken, routingKey).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(ApiRoute route, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(route, path, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A call whose answer is read as a stream; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> SendStreamingAsync(ApiRoute route, string path, HttpContent? content, CancellationToken cancellationToken,
        string? routingKey = null) =>
        SendCoreAsync(route, path, content, HttpCompletionOption.ResponseHeadersRead, cancellationToken, routingKey);

    public static HttpContent Json<T>(T body) => JsonContent.Create(body, mediaType: new MediaTypeHeaderValue("application/json"), options: ClientJson.Options);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException($"The platform answered {response.RequestMessage?.RequestUri?.AbsolutePath} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRoute route, string path, HttpContent? content, HttpCompletionOption completion,
        CancellationToken cancellationToken, string? routingKey = null)
    {
        using var request = new HttpRequestMessage(route.Method, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = content };
        if (!string.IsNullOrEmpty(routingKey))
        {
            request.Headers.Add(RoutingKeyHeader, routingKey);
        }

        if (!ProgressContent.IsResendable(content))
        {
            request.Options.Set(NotRetryable, true);
        }

        var response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
