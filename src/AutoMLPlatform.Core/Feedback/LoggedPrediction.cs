using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Feedback;

/// <summary>
/// One predicted row as logged: who asked, which version answered, what it read and what it said.
/// <paramref name="Inputs"/> are the model's inputs as the model sees them (keyed-hash columns hashed, dropped columns
/// absent); the store encrypts them under the tenant's data key.
/// </summary>
/// <param name="Id">The id returned in the answer's row: a time-ordered id stamped with <paramref name="PredictedAt"/>
/// (<see cref="PredictionId.New(DateTimeOffset)"/>), by which the store finds the row again.</param>
/// <param name="Tenant">The tenant whose key asked.</param>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The version that answered.</param>
/// <param name="PredictedAt">When it answered.</param>
/// <param name="Inputs">The inputs by column.</param>
/// <param name="PredictedLabel">The predicted class, or null for regression.</param>
/// <param name="PredictedValue">The predicted value (regression), or the score of an uncalibrated binary model; null otherwise.</param>
/// <param name="Probabilities">One probability per class in the version's class order; empty when the model gives none.</param>
public sealed record LoggedPrediction(
    PredictionId Id,
    TenantId Tenant,
    string ModelName,
    int Version,
    DateTimeOffset PredictedAt,
    LoggedInputs Inputs,
    string? PredictedLabel,
    double? PredictedValue,
    IReadOnlyList<float> Probabilities)
{
    /// <summary>True for a shadow version's output: it scored a row off the request path, and its answer was never returned.</summary>
    public bool Shadow { get; init; }

    /// <summary>For a shadow row, the logged id of the answer it shadowed (feedback on that id labels this row too); null otherwise.</summary>
    public PredictionId? ShadowOf { get; init; }
}
