namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// Live quality of one version over [<see cref="From"/>, <see cref="To"/>): the logged predictions, those with
/// feedback and their share, the task's metrics over those (by name: <c>accuracy</c>, <c>auc</c>, <c>f1</c>,
/// <c>logloss</c>, <c>macro_f1</c>, <c>rmse</c>, <c>mae</c>, <c>r2</c>; empty without feedback), and what the
/// version predicted (count per class, or <c>count</c>/<c>mean</c>/<c>min</c>/<c>max</c> of the values).
/// </summary>
public sealed record QualityWindow(
    DateTimeOffset From,
    DateTimeOffset To,
    int Predictions,
    int Labelled,
    double LabelledShare,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> PredictionDistribution);
