using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>What a binary model writes: the decision, the raw score and the calibrated probability of the positive class.</summary>
public sealed class BinaryOutput
{
    public bool PredictedLabel;
    public float Score;
    public float Probability;
}

/// <summary>What a binary model without calibration writes: no probability.</summary>
public sealed class BinaryScoreOutput
{
    public bool PredictedLabel;
    public float Score;
}

/// <summary>What a multiclass model writes: the class name and one probability per class, in class order.</summary>
public sealed class MulticlassOutput
{
    public string PredictedLabel = string.Empty;

    [VectorType]
    public float[] Score = [];
}

/// <summary>What a regression model writes: the predicted value.</summary>
public sealed class RegressionOutput
{
    public float Score;
}
