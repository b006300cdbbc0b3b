namespace AutoMLPlatform.Bench.KeyedHash;

/// <summary>A binary model's answer.</summary>
internal sealed class Prediction
{
    public float Probability { get; set; }
}
