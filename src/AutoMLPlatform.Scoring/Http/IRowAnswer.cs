using System.Text.Json;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// What one JSON predict endpoint writes for each predicted row, and how many rows it takes; everything else (reading
/// the body, leasing the model, renting a session, writing the answer) is <see cref="JsonPredictExchange"/>'s.
/// Implemented by structs, so the exchange is compiled once per endpoint and calls these directly.
/// </summary>
internal interface IRowAnswer
{
    /// <summary>Most rows one request may hold.</summary>
    int MaxRows { get; }

    /// <summary>The error for a request holding more than <see cref="MaxRows"/>.</summary>
    Exception TooManyRows();

    /// <summary>Writes the fields of the row <paramref name="session"/> just predicted into the object the writer is in.</summary>
    void WriteFields(ScoringModel model, ScoringSession session, Utf8JsonWriter writer, CancellationToken cancellationToken);
}
