using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Scoring.Http;

namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// Reads <c>[{ "predictionId", "label" | "value", "observedAt"? }]</c> from a body already bounded in bytes, counting rows
/// as it goes: the one past <see cref="FeedbackIntake.MaxRowsPerCall"/> is a 413 before anything is stored.
/// </summary>
internal static class FeedbackJsonReader
{
    public static List<FeedbackInput> Read(ReadOnlySequence<byte> body, int maxDepth)
    {
        var rows = new List<FeedbackInput>();
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth });
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidInputException(RequestErrorCodes.InvalidBody, "The body must be a JSON array of { predictionId, label | value, observedAt? }.", "body");
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (rows.Count == FeedbackIntake.MaxRowsPerCall)
                {
                    throw new PayloadTooLargeRowsException(FeedbackIntake.MaxRowsPerCall);
                }

                if (json.TokenType != JsonTokenType.StartObject)
                {
                    throw new InvalidInputException(RequestErrorCodes.InvalidRow, $"Item {rows.Count} is not an object.", $"[{rows.Count}]");
                }

                rows.Add(ReadRow(ref json));
            }

            json.Read(); // anything after the array is malformed JSON, and this read says so
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidJson, $"The body is not valid JSON: {ex.Message}", "body", ex);
        }

        return rows.Count == 0 ? throw new InvalidInputException(RequestErrorCodes.EmptyBatch, "The array holds no feedback.", "body") : rows;
    }

    private static FeedbackInput ReadRow(ref Utf8JsonReader json)
    {
        string? id = null, label = null, valueText = null, observedAt = null;
        double? value = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.GetString();
            json.Read();
            switch (name)
            {
                case "predictionId":
                    id = json.TokenType == JsonTokenType.String ? json.GetString() : "";
                    break;
                case "label" when json.TokenType == JsonTokenType.String:
                    label = json.GetString();
                    break;
                case "label" when json.TokenType == JsonTokenType.Number:
                    label = json.GetDouble().ToString(CultureInfo.InvariantCulture);
                    break;
                case "value" when json.TokenType == JsonTokenType.Number:
                    value = json.GetDouble();
                    break;
                case "value" when json.TokenType != JsonTokenType.Null:
                    valueText = json.TokenType == JsonTokenType.String ? json.GetString() : json.TokenType.ToString();
                    json.TrySkip();
                    break;
                case "observedAt" when json.TokenType == JsonTokenType.String:
                    observedAt = json.GetString();
                    break;
                default:
                    json.TrySkip();
                    break;
            }
        }

        return new FeedbackInput(id, label, value, valueText, observedAt);
    }
}
