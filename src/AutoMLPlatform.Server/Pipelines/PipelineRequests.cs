using AutoMLPlatform.Core.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Jobs.Pipelines;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Server.Pipelines;

/// <summary>
/// Reads a request body as a pipeline document with the same reader as the pipeline files, so both refuse the same
/// mistakes with the same messages. The read-only fields of <see cref="PipelineResponse"/> are dropped first, so a
/// definition fetched with GET can be edited and sent back with PUT.
/// </summary>
internal static class PipelineRequests
{
    private static readonly string[] ReadOnlyFields = ["source", "createdAt", "updatedAt", "nextRunAt"];

    public static async Task<PipelineDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            var depth = request.HttpContext.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.MaxJsonDepth;
            body = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = depth }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(PipelineErrorCodes.InvalidPipelineJson, $"The body is not JSON: {ex.Message}", "$", ex);
        }

        if (body is JsonObject fields)
        {
            foreach (var name in ReadOnlyFields)
            {
                fields.Remove(name);
            }
        }

        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            if (body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                body.WriteTo(writer);
            }
        }

        buffer.Position = 0;
        return await PipelineDocumentReader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
