namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// Whether a model logs its predictions: <paramref name="SampleRate"/> is the share of predicted rows kept (0 is off,
/// the default; 1 is every row), <paramref name="RetentionDays"/> how long they are kept (1–3650).
/// </summary>
public sealed record PredictionLogSettings(double SampleRate, int RetentionDays)
{
    /// <summary>Logging off (the default of every model), with the platform's default retention.</summary>
    public static PredictionLogSettings Off { get; } = new(0, 30);
}
