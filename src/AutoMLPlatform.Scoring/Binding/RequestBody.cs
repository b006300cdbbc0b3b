using System.Buffers;
using System.IO.Pipelines;
using AutoMLPlatform.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>Body limits and whole-body reads for the prediction endpoints.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Caps the body at <paramref name="maxBytes"/>: a declared length over it is refused now (413), and Kestrel refuses a
    /// longer body while it is read (413 too). Raises Kestrel's default cap where the limit is larger (CSV batches).
    /// </summary>
    public static void Limit(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }

        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>
    /// Reads the whole body into the request's pipe buffers (no copy). The caller parses the returned sequence and then
    /// must call <c>reader.AdvanceTo(body.End)</c>. A body that passes <paramref name="maxBytes"/> is a 413.
    /// </summary>
    public static async ValueTask<ReadOnlySequence<byte>> ReadAllAsync(PipeReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(result.Buffer.End);
                throw new PayloadTooLargeException(maxBytes);
            }

            if (result.IsCompleted)
            {
                return result.Buffer;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
