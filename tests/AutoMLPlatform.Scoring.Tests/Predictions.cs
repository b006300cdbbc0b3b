using System.Text;
using System.Text.Json;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>One row's answer, copied out of a session for assertions.</summary>
internal sealed record Answer(string? Label, float Value, float[] Probabilities);

/// <summary>Predicts through the same session path the endpoints use: rent, bind JSON, predict, read, return.</summary>
internal static class Predictions
{
    public static Answer PredictJson(this ScoringModel model, string json)
    {
        var session = model.Rent();
        try
        {
            Bind(session, json);
            session.Predict();
            return new Answer(session.Output.Label, session.Output.Value, (float[])session.Output.Probabilities.Clone());
        }
        finally
        {
            model.Return(session);
        }
    }

    /// <summary>
    /// The same, but yielding the thread between predicting and reading the answer, so the session is often given back
    /// on another thread than the one that rented it: a session shared by two callers would show as a mixed answer.
    /// </summary>
    public static async Task<Answer> PredictJsonAcrossAwaitAsync(this ScoringModel model, string json)
    {
        var session = model.Rent();
        try
        {
            Bind(session, json);
            session.Predict();
            await Task.Yield();
            return new Answer(session.Output.Label, session.Output.Value, (float[])session.Output.Probabilities.Clone());
        }
        finally
        {
            model.Return(session);
        }
    }

    private static void Bind(ScoringSession session, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        JsonRowReader.Read(ref reader, session.Row, RowLocation.Body);
    }
}
