namespace AutoMLPlatform.Insight.Quality;

/// <summary>
/// Live quality of one version over [<see cref="From"/>, <see cref="To"/>): how many predictions were logged, how many
/// have feedback and their share, the task's metrics over those with feedback (by wire name; empty without any),
/// and what the version predicted (count per class, or count/mean/min/max of the values).
/// </summary>
public sealed record QualityWindow(
    DateTimeOffset From,
    DateTimeOffset To,
    int Predictions,
    int Labelled,
    double LabelledShare,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> PredictionDistribution);
