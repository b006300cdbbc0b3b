namespace AutoMLPlatform.Client.Predictions;

/// <summary>
/// One row's prediction. A classifier sets <see cref="PredictedLabel"/> and <see cref="Probabilities"/> by class (or
/// <see cref="Score"/> when it has no calibrated probabilities); a regression model sets <see cref="PredictedValue"/>.
/// </summary>
/// <param name="Model">The model that answered.</param>
/// <param name="Version">The version that answered.</param>
public sealed record Prediction(string Model, int Version)
{
    public string? PredictedLabel { get; init; }

    public IReadOnlyDictionary<string, double>? Probabilities { get; init; }

    public double? Score { get; init; }

    public double? PredictedValue { get; init; }

    /// <summary>
    /// Set when the model logs its predictions and this row was sampled (see <see cref="Feedback.FeedbackClient.SetLogSettingsAsync"/>):
    /// the id to send the true outcome for.
    /// </summary>
    public PredictionId? PredictionId { get; init; }

    /// <summary>Set when explaining was asked for.</summary>
    public Explanation? Explanation { get; init; }
}
