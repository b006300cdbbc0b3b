using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Http;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>Reads an Open Inference Protocol request from an HTTP body: at most the JSON body limit, parsed within the given limits.</summary>
internal static class InferRequestBody
{
    public static async Task<InferRequest> ReadAsync(HttpContext http, long maxBodyBytes, InferRequestLimits limits, CancellationToken cancellationToken)
    {
        RequestBody.Limit(http, maxBodyBytes);
        var reader = http.Request.BodyReader;
        var body = await RequestBody.ReadAllAsync(reader, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return InferRequestReader.Read(body, limits);
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }
}
