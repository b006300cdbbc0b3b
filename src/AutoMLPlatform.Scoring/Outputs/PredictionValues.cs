namespace AutoMLPlatform.Scoring.Outputs;

/// <summary>
/// One row's answer in the user's terms, overwritten by every prediction of the session that owns it (so predicting
/// allocates nothing): the class name, the probabilities in class order, or the value.
/// </summary>
internal sealed class PredictionValues(int probabilityCount)
{
    /// <summary>The predicted class name; null for regression.</summary>
    public string? Label { get; set; }

    /// <summary>The regression value, or the raw score of a binary model without probabilities; NaN otherwise.</summary>
    public float Value { get; set; } = float.NaN;

    /// <summary>One probability per class in <see cref="OutputShape.Classes"/> order; empty when the model gives none.</summary>
    public float[] Probabilities { get; } = new float[probabilityCount];
}
