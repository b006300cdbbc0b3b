namespace AutoMLPlatform.Core.Insight;

/// <summary>Where the rows of an <see cref="EvaluationReport"/> came from.</summary>
public enum EvaluationSource
{
    /// <summary>The engine's validation rows (out-of-fold or holdout predictions) at the end of the training job.</summary>
    Validation,

    /// <summary>A labelled dataset version the user asked to evaluate on.</summary>
    Dataset,
}
