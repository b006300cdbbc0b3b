namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>The metric names and descriptions of a <see cref="CountedQueue{T}"/>.</summary>
/// <param name="Prefix">The start of the three names, e.g. <c>scoring.prediction_log</c>.</param>
/// <param name="HandledName">The last part of the handled counter's name, e.g. <c>written</c>.</param>
/// <param name="Dropped">What the dropped counter counts.</param>
/// <param name="Handled">What the handled counter counts.</param>
/// <param name="Queued">What the queue-length gauge shows.</param>
internal sealed record CountedQueueMetrics(string Prefix, string HandledName, string Dropped, string Handled, string Queued);
