using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Scoring.Routing;

/// <summary>The headers of a split alias: the caller's routing key in, the answering version out.</summary>
internal static class RoutingHeaders
{
    /// <summary>The caller-chosen key (a customer id, say): one key is always answered by the same version of a split alias.</summary>
    public const string RoutingKey = "X-Routing-Key";

    /// <summary>The version that answered, on every predict answer.</summary>
    public const string ModelVersion = "X-Model-Version";

    /// <summary>The request's routing key, or null when it sent none (or an empty one): the request is then routed at random.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(RoutingKey, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }
}
