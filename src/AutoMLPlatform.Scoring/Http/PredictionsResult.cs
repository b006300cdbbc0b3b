using System.Text.Json;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// Writes predictions straight to the response with a <see cref="Utf8JsonWriter"/>: one object for one row,
/// <c>{"model","version","predictions":[…]}</c> for an array. Classification rows carry <c>predictedLabel</c> and
/// <c>probabilities</c> by class name; regression rows carry <c>predictedValue</c>.
/// </summary>
internal sealed class PredictionsResult(string model, int version, IReadOnlyList<string> classes, Prediction[] predictions, bool single) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("model", model);
        writer.WriteNumber("version", version);
        if (single)
        {
            WriteFields(writer, predictions[0]);
        }
        else
        {
            writer.WriteStartArray("predictions");
            foreach (var prediction in predictions)
            {
                writer.WriteStartObject();
                WriteFields(writer, prediction);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private void WriteFields(Utf8JsonWriter writer, Prediction prediction)
    {
        if (prediction.Label is { } label)
        {
            writer.WriteString("predictedLabel", label);
            if (prediction.Value is { } score)
            {
                writer.WriteNumber("score", score);
            }
        }
        else if (prediction.Value is { } value)
        {
            writer.WriteNumber("predictedValue", value);
        }

        if (prediction.Probabilities is { } probabilities)
        {
            writer.WriteStartObject("probabilities");
            for (var i = 0; i < probabilities.Length && i < classes.Count; i++)
            {
                writer.WriteNumber(classes[i], probabilities[i]);
            }

            writer.WriteEndObject();
        }
    }
}
