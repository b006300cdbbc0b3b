using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>The row the <see cref="ScoreSum"/> mapping reads. Public because saved models refer to it.</summary>
public sealed class ScoreSumInput
{
    [ColumnName(ScoreSum.StackedColumn)]
    [VectorType]
    public VBuffer<float> Stacked { get; set; }

    [ColumnName("Score")]
    [VectorType]
    public VBuffer<float> Last { get; set; }
}
