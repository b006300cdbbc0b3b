namespace AutoMLPlatform.Scoring.Outputs;

/// <summary>What a model answers per row.</summary>
internal enum OutputKind
{
    /// <summary>A class name and one probability per class (multiclass, calibrated binary).</summary>
    ClassProbabilities,

    /// <summary>A class name and a raw score (binary without calibration).</summary>
    ClassScore,

    /// <summary>A number (regression).</summary>
    Value,
}
