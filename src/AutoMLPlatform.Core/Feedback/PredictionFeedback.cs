namespace AutoMLPlatform.Core.Feedback;

/// <summary>The true outcome of one logged prediction: a class (<paramref name="Label"/>) or a value, and when it was observed.</summary>
public sealed record PredictionFeedback(PredictionId Id, string? Label, double? Value, DateTimeOffset ObservedAt);
