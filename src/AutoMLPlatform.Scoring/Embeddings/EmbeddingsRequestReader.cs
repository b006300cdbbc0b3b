using System.Buffers;
using System.Text.Json;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>
/// Reads <c>{"model": "...", "inputs": ["text", ...]}</c> with every error naming its field: a body that is not an
/// object, a missing model, inputs that are not a non-empty array of strings (400), a text over the length limit
/// (400) or more texts than allowed (413, counted while reading, so a huge array is refused without being kept).
/// </summary>
internal static class EmbeddingsRequestReader
{
    public static EmbeddingsRequest Read(ReadOnlySequence<byte> body, int maxInputs, int maxTextLength)
    {
        try
        {
            var json = new Utf8JsonReader(body);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidInputException(RequestErrorCodes.InvalidBody, "The body must be a JSON object with 'model' and 'inputs'.", "body");
            }

            string? model = null;
            List<string>? inputs = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString();
                json.Read();
                switch (name)
                {
                    case "model" when json.TokenType == JsonTokenType.String:
                        model = json.GetString();
                        break;
                    case "model":
                        throw new InvalidInputException(RequestErrorCodes.WrongType, "'model' must be the name of a sentence encoder, as a string.", "model");
                    case "inputs" when json.TokenType == JsonTokenType.StartArray:
                        inputs = ReadInputs(ref json, maxInputs, maxTextLength);
                        break;
                    case "inputs":
                        throw new InvalidInputException(RequestErrorCodes.WrongType, "'inputs' must be an array of strings.", "inputs");
                    default:
                        json.Skip();
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(model))
            {
                throw new InvalidInputException("missing-model", "The request names no 'model' (a sentence encoder such as all-MiniLM-L6-v2).", "model");
            }

            return inputs is { Count: > 0 }
                ? new EmbeddingsRequest(model, inputs)
                : throw new InvalidInputException("empty-inputs", "'inputs' must hold at least one text.", "inputs");
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidJson, $"The body is not valid JSON: {ex.Message}", "body", ex);
        }
    }

    /// <summary>Checks a batch of texts against the limits, whoever parsed it (the OIP model's tensor too).</summary>
    public static void Check(IReadOnlyList<string> texts, int maxInputs, int maxTextLength, string field)
    {
        if (texts.Count > maxInputs)
        {
            throw new PayloadTooLargeInputsException(maxInputs);
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length > maxTextLength)
            {
                throw TooLong(i, maxTextLength, field);
            }
        }
    }

    private static List<string> ReadInputs(ref Utf8JsonReader json, int maxInputs, int maxTextLength)
    {
        var inputs = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (inputs.Count == maxInputs)
            {
                throw new PayloadTooLargeInputsException(maxInputs);
            }

            if (json.TokenType != JsonTokenType.String)
            {
                json.Skip();
                throw new InvalidInputException(RequestErrorCodes.WrongType, $"inputs[{inputs.Count}] is not a string; every input must be a text.", $"inputs[{inputs.Count}]");
            }

            var text = json.GetString()!;
            if (text.Length > maxTextLength)
            {
                throw TooLong(inputs.Count, maxTextLength, "inputs");
            }

            inputs.Add(text);
        }

        return inputs;
    }

    private static InvalidInputException TooLong(int index, int maxTextLength, string field) => new("text-too-long",
        $"{field}[{index}] is longer than {maxTextLength} characters, the longest text an embeddings request may carry.", $"{field}[{index}]");
}
