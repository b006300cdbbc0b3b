using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// One predicted row copied off its session for the writer: the session is reused by the next row, so the values the
/// model read and the answer it gave are copied here (raw values; the writer hashes keyed-hash columns before storing).
/// </summary>
internal sealed class PendingPrediction
{
    private PendingPrediction(PredictionId id, TenantId tenant, ScoringModel model, DateTimeOffset at, RowTarget row, PredictionValues output)
    {
        Id = id;
        Tenant = tenant;
        ModelName = model.Version.ModelName;
        Version = model.Version.Version;
        Columns = model.Inputs;
        At = at;
        Numbers = new float[row.Columns.Count];
        Texts = new string[row.Columns.Count];
        for (var i = 0; i < Numbers.Length; i++)
        {
            if (row.Columns.IsNumeric(i))
            {
                Numbers[i] = row.GetNumber(i);
            }
            else
            {
                Texts[i] = row.GetText(i);
            }
        }

        Label = output.Label;
        Value = output.Value;
        Probabilities = output.Probabilities.Length == 0 ? [] : (float[])output.Probabilities.Clone();
    }

    public PredictionId Id { get; }

    public TenantId Tenant { get; }

    public string ModelName { get; }

    public int Version { get; }

    public InputColumns Columns { get; }

    public DateTimeOffset At { get; }

    /// <summary>Numeric inputs by column (NaN is missing).</summary>
    public float[] Numbers { get; }

    /// <summary>Text inputs by column (null for numeric columns, empty is missing): raw; the writer stores keyed-hash columns hashed.</summary>
    public string[] Texts { get; }

    public string? Label { get; }

    public float Value { get; }

    public float[] Probabilities { get; }

    /// <summary>True when a shadow version scored the row off the request path (its answer was never returned).</summary>
    public bool Shadow { get; private init; }

    /// <summary>For a shadow row, the logged id of the answer it shadowed, if that answer was logged.</summary>
    public PredictionId? ShadowOf { get; private init; }

    public static PendingPrediction Copy(TenantId tenant, ScoringModel model, ScoringSession session, DateTimeOffset at) =>
        // Time-ordered ids (UUID v7) append to the log's primary key index instead of landing at random pages in it.
        new(PredictionId.New(at), tenant, model, at, session.Row, session.Output);

    /// <summary>A shadow version's output for a row another version answered (<paramref name="shadowOf"/>, when that answer was logged).</summary>
    public static PendingPrediction CopyShadow(TenantId tenant, ScoringModel shadow, ScoringSession session, DateTimeOffset at, PredictionId? shadowOf) =>
        new(PredictionId.New(at), tenant, shadow, at, session.Row, session.Output) { Shadow = true, ShadowOf = shadowOf };
}
