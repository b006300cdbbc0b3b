namespace AutoMLPlatform.Bench.Pretrained;

/// <summary>The binary model's answer.</summary>
internal sealed class ReviewPrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }
}
