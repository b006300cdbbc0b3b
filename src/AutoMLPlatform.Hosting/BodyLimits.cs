using AutoMLPlatform.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting;

/// <summary>
/// Caps every JSON request body at <see cref="HostingOptions.MaxJsonBodyBytes"/>: a declared length over it is refused
/// before the endpoint runs (413), and the server refuses a longer streamed body while it is read. Endpoints that set
/// their own, larger limit (predictions) say so with <see cref="HasOwnBodyLimit{TBuilder}"/>; other bodies (uploads,
/// CSV) are not JSON and keep theirs.
/// </summary>
public static class BodyLimits
{
    /// <summary>Marks an endpoint that limits its own body, so the JSON default does not apply to it.</summary>
    public static TBuilder HasOwnBodyLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(OwnBodyLimit.Instance);

    internal static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsJson(context.Request.ContentType) && context.GetEndpoint()?.Metadata.GetMetadata<OwnBodyLimit>() is null)
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                throw new PayloadTooLargeException(limit);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature && !(feature.MaxRequestBodySize < limit))
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        return next(context);
    });

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private sealed class OwnBodyLimit
    {
        public static readonly OwnBodyLimit Instance = new();
    }
}
