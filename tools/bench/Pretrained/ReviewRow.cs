namespace AutoMLPlatform.Bench.Pretrained;

/// <summary>One review, as a prediction request carries it.</summary>
internal sealed class ReviewRow
{
    [Microsoft.ML.Data.ColumnName("review")]
    public string Review { get; set; } = string.Empty;
}
