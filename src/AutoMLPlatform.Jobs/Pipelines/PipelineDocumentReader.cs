using AutoMLPlatform.Core.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Reads a pipeline document from JSON, the same way for files and request bodies: camelCase names, comments and
/// trailing commas allowed, unknown fields refused (a misspelt <c>"shedule"</c> must not silently mean "no schedule").
/// A malformed document is an input error naming the JSON path where reading stopped.
/// </summary>
public static class PipelineDocumentReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static async Task<PipelineDocument> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<PipelineDocument>(json, Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidInputException(PipelineErrorCodes.InvalidPipeline, "The pipeline definition is empty (null); send a JSON object.");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            throw new InvalidInputException(PipelineErrorCodes.InvalidPipelineJson, $"The pipeline definition is not valid JSON of the expected shape at '{field}': {FirstLine(ex.Message)}", field, ex);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
