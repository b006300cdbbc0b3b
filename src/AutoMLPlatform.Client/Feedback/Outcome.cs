using AutoMLPlatform.Client.Predictions;

namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// The true outcome of one logged prediction: a class <see cref="Label"/> for a classifier, a <see cref="Value"/> for a
/// regression model, observed at <see cref="ObservedAt"/> (the time it is sent when null). Make one with
/// <see cref="OfLabel"/> or <see cref="OfValue"/>.
/// </summary>
public sealed record Outcome(PredictionId PredictionId, string? Label, double? Value, DateTimeOffset? ObservedAt)
{
    /// <summary>The class a classifier's prediction turned out to be.</summary>
    public static Outcome OfLabel(PredictionId predictionId, string label, DateTimeOffset? observedAt = null) =>
        new(predictionId, label ?? throw new ArgumentNullException(nameof(label)), null, observedAt);

    /// <summary>The value a regression model's prediction turned out to be.</summary>
    public static Outcome OfValue(PredictionId predictionId, double value, DateTimeOffset? observedAt = null) => new(predictionId, null, value, observedAt);
}
