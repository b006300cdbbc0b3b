using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Oip;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>
/// A sentence encoder as an Open Inference Protocol model: one <c>BYTES</c> input <see cref="InputName"/> of shape
/// <c>[N]</c> or <c>[N, 1]</c>, one <c>FP32</c> output <see cref="OutputName"/> of shape <c>[N, dimension]</c>.
/// Version 1 is its only version.
/// </summary>
internal sealed class EmbeddingOipHandler(EmbeddingsHandler embeddings, ScoringMetrics metrics, IOptions<ScoringOptions> options,
    IOptions<HostingOptions> hosting)
{
    public const string InputName = "text";
    public const string OutputName = "embedding";
    public const string Version = "1";
    public const string Platform = "onnxruntime";

    public static OipModelMetadata Metadata(string name, int dimension) =>
        new(name, [Version], Platform, [new OipTensorMetadata(InputName, "BYTES", [-1])], [new OipTensorMetadata(OutputName, "FP32", [-1, dimension])]);

    public async Task InferAsync(string name, HttpContext http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var limits = options.Value;
            var request = await InferRequestBody.ReadAsync(http, limits.MaxJsonBodyBytes,
                new InferRequestLimits(Math.Max(limits.MaxRowsPerRequest, limits.MaxEmbeddingInputs), limits.MaxFieldsPerRow, hosting.Value.MaxJsonDepth), cancellationToken).ConfigureAwait(false);

            var texts = Texts(request);
            if (request.Outputs is { } asked && asked.Any(o => o != OutputName))
            {
                var unknown = asked.First(o => o != OutputName);
                throw new InvalidInputException(RequestErrorCodes.UnknownOutput, $"The model has no output '{unknown}'; its only output is '{OutputName}'.", unknown);
            }

            var encoder = await embeddings.EncoderAsync(name, cancellationToken).ConfigureAwait(false);
            var vectors = await embeddings.EmbedAsync(encoder, texts, InputName, cancellationToken).ConfigureAwait(false);
            http.Response.ContentType = "application/json; charset=utf-8";
            await using (var json = new Utf8JsonWriter(http.Response.Body))
            {
                Write(json, encoder.Name, request.Id, vectors, encoder.Dimension);
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            metrics.Record(ScoringProtocol.Embeddings, encoder.Name, StatusCodes.Status200OK, started, vectors.Length);
        }
        catch (Exception ex) when (metrics.RecordFailure(ScoringProtocol.Embeddings, name, ex, started))
        {
            throw;
        }
    }

    /// <summary>The texts of the one input tensor: BYTES, one text per row, none null.</summary>
    private static string[] Texts(InferRequest request)
    {
        var input = request.Inputs.FirstOrDefault(i => i.Name == InputName)
            ?? throw new InvalidInputException(RequestErrorCodes.UnknownInput, $"The model's only input is '{InputName}' (BYTES, shape [N]).", request.Inputs[0].Name);
        if (request.Inputs.Count > 1)
        {
            var other = request.Inputs.First(i => i.Name != InputName);
            throw new InvalidInputException(RequestErrorCodes.UnknownInput, $"The model has no input '{other.Name}'; its only input is '{InputName}'.", other.Name);
        }

        if (input.DataType != OipDataType.Bytes)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidRequest, $"Input '{InputName}' must have datatype BYTES.", InputName);
        }

        if (input.Shape.Count is < 1 or > 2 || (input.Shape.Count == 2 && input.Shape[1] != 1) || input.Shape[0] != input.Data.Count)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidShape, $"Input '{InputName}' must have shape [N] or [N, 1] with N texts of data.", InputName);
        }

        return input.Data.Select((element, i) => element.Text
            ?? throw new InvalidInputException(RequestErrorCodes.WrongType, $"{InputName}[{i}] is not a string; every input must be a text.", $"{InputName}[{i}]")).ToArray();
    }

    private static void Write(Utf8JsonWriter json, string model, string? id, float[][] vectors, int dimension)
    {
        json.WriteStartObject();
        json.WriteString("model_name", model);
        json.WriteString("model_version", Version);
        if (id is not null)
        {
            json.WriteString("id", id);
        }

        json.WriteStartArray("outputs");
        json.WriteStartObject();
        json.WriteString("name", OutputName);
        json.WriteString("datatype", "FP32");
        json.WriteStartArray("shape");
        json.WriteNumberValue(vectors.Length);
        json.WriteNumberValue(dimension);
        json.WriteEndArray();
        json.WriteStartArray("data");
        foreach (var value in vectors.SelectMany(v => v))
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
