namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>How an <see cref="Explanation"/> was computed.</summary>
internal enum ExplanationMethod
{
    /// <summary>Exact Shapley values over every coalition of the input columns (few columns).</summary>
    ExactShapley,

    /// <summary>Shapley values estimated from a fixed number of sampled column orders, antithetic pairs (many columns).</summary>
    SamplingShapley,
}
