namespace AutoMLPlatform.Core.Modeling;

/// <summary>What a model predicts.</summary>
public enum TaskKind
{
    /// <summary>One of two classes.</summary>
    Binary,

    /// <summary>One of three or more classes.</summary>
    Multiclass,

    /// <summary>A number.</summary>
    Regression,
}
