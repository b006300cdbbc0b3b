namespace AutoMLPlatform.AutoML.Data;

/// <summary>
/// Column names the engine adds to a pipeline. A user's column may carry any of them: the engine never reads a user's
/// column under a name it writes (see <c>FeaturePipelineBuilder</c>), and the label is read apart from the features.
/// </summary>
public static class ReservedColumns
{
    /// <summary>The encoded label a trainer learns from.</summary>
    public const string Label = "__Label";

    /// <summary>The concatenated feature vector a trainer reads.</summary>
    public const string Features = "__Features";

    /// <summary>The feature vector after a linear learner's normalizer: kept apart so that members of an ensemble share <see cref="Features"/> unscaled.</summary>
    public const string NormalizedFeatures = "__FeaturesNormalized";

    /// <summary>ML.NET's standard output columns, as every model of ours produces them.</summary>
    public const string PredictedLabel = "PredictedLabel";

    public const string Score = "Score";

    public const string Probability = "Probability";
}
