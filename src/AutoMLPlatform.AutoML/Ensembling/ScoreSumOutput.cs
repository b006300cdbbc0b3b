using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>The row the <see cref="ScoreSum"/> mapping writes. Public because saved models refer to it.</summary>
public sealed class ScoreSumOutput
{
    [ColumnName("Score")]
    [VectorType]
    public float[] Score { get; set; } = [];

    [ColumnName(ScoreSum.TopClassColumn)]
    public float TopClass { get; set; }
}
