namespace AutoMLPlatform.AutoML.Hyperparameters;

/// <summary>How a hyperparameter's values are spread over its range.</summary>
internal enum HyperparameterKind
{
    /// <summary>A real number.</summary>
    Float,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>One of a few named options.</summary>
    Choice,
}
