using System.Net;
using System.Text;
using System.Text.Json;

namespace AutoMLPlatform.Client.Http;

/// <summary>Turns an error answer into an <see cref="AutoMLPlatformException"/> from its RFC 7807 body (or what there is of one).</summary>
internal static class ProblemReader
{
    /// <summary>An error body longer than this is not a problem document; only its start is kept as the detail.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<AutoMLPlatformException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfterOf(response);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                return new AutoMLPlatformException(StatusOf(root, response.StatusCode), Text(root, "type"), Text(root, "title"), Text(root, "detail"),
                    Text(root, "errorCode"), Text(root, "traceId"), Errors(root), retryAfter);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the reason phrase and the start of the body are all there is.
        }

        var text = body.Length == 0 ? null : Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 200)]).Trim();
        return new AutoMLPlatformException(response.StatusCode, null, response.ReasonPhrase, string.IsNullOrEmpty(text) ? null : text, null, null, null, retryAfter);
    }

    /// <summary>The wait a 429 or 503 asks for, as a delay or a date.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static HttpStatusCode StatusOf(JsonElement root, HttpStatusCode fallback) =>
        root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var code) && code == (int)fallback
            ? (HttpStatusCode)code
            : fallback;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>>? Errors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray()
                : [field.Value.ToString()];
        }

        return result;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return buffer.AsMemory(0, total);
    }
}
