using System.Text.Json;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// Our JSON answer: one object for one row, <c>{"model","version","predictions":[…]}</c> for an array. Classification
/// rows carry <c>predictedLabel</c> and <c>probabilities</c> by class name (or <c>score</c> without calibration);
/// regression rows carry <c>predictedValue</c>.
/// </summary>
internal static class PredictionJson
{
    private static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText PredictionsName = JsonEncodedText.Encode("predictions");
    private static readonly JsonEncodedText LabelName = JsonEncodedText.Encode("predictedLabel");
    private static readonly JsonEncodedText ProbabilitiesName = JsonEncodedText.Encode("probabilities");
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("predictedValue");
    private static readonly JsonEncodedText PredictionIdName = JsonEncodedText.Encode("predictionId");

    public static void WriteHeader(Utf8JsonWriter writer, ScoringModel model)
    {
        writer.WriteString(ModelName, model.EncodedName);
        writer.WriteNumber(VersionName, model.Version.Version);
    }

    /// <summary>Writes the row's <c>predictionId</c> when it was logged (feedback names it); nothing otherwise.</summary>
    public static void WritePredictionId(Utf8JsonWriter writer, Core.Feedback.PredictionId? id)
    {
        if (id is { } logged)
        {
            writer.WriteString(PredictionIdName, logged.Value);
        }
    }

    public static void StartPredictions(Utf8JsonWriter writer) => writer.WriteStartArray(PredictionsName);

    /// <summary>Writes one row's fields into the object the writer is in.</summary>
    public static void WriteFields(Utf8JsonWriter writer, OutputShape shape, PredictionValues values)
    {
        switch (shape.Kind)
        {
            case OutputKind.ClassProbabilities:
                writer.WriteString(LabelName, values.Label);
                writer.WriteStartObject(ProbabilitiesName);
                var names = shape.EncodedClasses;
                for (var i = 0; i < values.Probabilities.Length; i++)
                {
                    writer.WriteNumber(names[i], values.Probabilities[i]);
                }

                writer.WriteEndObject();
                break;
            case OutputKind.ClassScore:
                writer.WriteString(LabelName, values.Label);
                writer.WriteNumber(ScoreName, values.Value);
                break;
            default:
                writer.WriteNumber(ValueName, values.Value);
                break;
        }
    }
}
