namespace AutoMLPlatform.Core.Feedback;

/// <summary>
/// A logged prediction read back for live quality: what the version said and, when feedback came, the truth
/// (<see cref="TrueLabel"/> or <see cref="TrueValue"/>; both null without feedback).
/// </summary>
public sealed record LabelledPrediction(
    PredictionId Id,
    DateTimeOffset PredictedAt,
    string? PredictedLabel,
    double? PredictedValue,
    IReadOnlyList<float> Probabilities,
    string? TrueLabel,
    double? TrueValue)
{
    public bool HasFeedback => TrueLabel is not null || TrueValue is not null;
}
