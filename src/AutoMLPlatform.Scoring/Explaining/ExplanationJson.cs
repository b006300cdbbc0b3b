using System.Text.Json;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>
/// Writes <c>"explanation": {"base", "score", "explains", "method", "contributions": {column: value}}</c> into a
/// prediction object. <c>explains</c> says which output the numbers add up to: <c>score</c> (a binary model's raw
/// score), <c>predictedValue</c>, or <c>probabilities.&lt;class&gt;</c> (a multiclass model's predicted class).
/// </summary>
internal static class ExplanationJson
{
    private static readonly JsonEncodedText ExplanationName = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText BaseName = JsonEncodedText.Encode("base");
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText ExplainsName = JsonEncodedText.Encode("explains");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText ContributionsName = JsonEncodedText.Encode("contributions");

    public static void Write(Utf8JsonWriter writer, Explanation explanation, InputColumns inputs, OutputShape shape, PredictionValues answer)
    {
        writer.WriteStartObject(ExplanationName);
        writer.WriteNumber(BaseName, explanation.Base);
        writer.WriteNumber(ScoreName, explanation.Score);
        writer.WriteString(ExplainsName, shape.Kind switch
        {
            OutputKind.Value => "predictedValue",
            OutputKind.ClassProbabilities when shape.Classes.Count > 2 => $"probabilities.{answer.Label}",
            _ => "score",
        });
        writer.WriteString(MethodName, explanation.Method == ExplanationMethod.ExactShapley ? "exact-shapley" : "sampling-shapley");
        writer.WriteStartObject(ContributionsName);
        for (var i = 0; i < explanation.Contributions.Length; i++)
        {
            writer.WriteNumber(inputs.Columns[i].Name, explanation.Contributions[i]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
