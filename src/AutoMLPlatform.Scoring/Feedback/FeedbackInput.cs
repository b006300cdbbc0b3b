namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// One feedback row as read from JSON or CSV, before it is checked: the texts as sent (null when absent). A label
/// sent as a JSON number is its invariant text; a value sent as anything but a number keeps its text in
/// <see cref="ValueText"/> so the check can say it has the wrong type.
/// </summary>
internal sealed record FeedbackInput(string? PredictionId, string? Label, double? Value, string? ValueText, string? ObservedAt);
