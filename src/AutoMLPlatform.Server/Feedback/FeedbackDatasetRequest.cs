namespace AutoMLPlatform.Server.Feedback;

/// <summary>The body of the feedback-dataset call: the dataset to add a version to (made if new), and the range of predictions.</summary>
public sealed record FeedbackDatasetRequest(string? Dataset, DateTimeOffset? From, DateTimeOffset? To);
