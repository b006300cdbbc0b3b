namespace AutoMLPlatform.Torch.Images;

/// <summary>Per-feature mean and standard deviation of the training rows, so a linear head trains on standardised features.</summary>
internal sealed record FeatureScaling(IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>Measures the <paramref name="rows"/> of <paramref name="features"/> (row-major, <paramref name="dimension"/> wide).</summary>
    public static FeatureScaling Measure(float[] features, int dimension, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rows);
        var sum = new double[dimension];
        var squares = new double[dimension];
        foreach (var row in rows)
        {
            var vector = features.AsSpan(row * dimension, dimension);
            for (var j = 0; j < dimension; j++)
            {
                sum[j] += vector[j];
                squares[j] += vector[j] * (double)vector[j];
            }
        }

        var n = Math.Max(1, rows.Count);
        var mean = sum.Select(s => (float)(s / n)).ToArray();
        var std = squares.Select((q, j) => (float)Math.Max(Math.Sqrt(Math.Max(0, (q / n) - (mean[j] * (double)mean[j]))), 1e-4)).ToArray();
        return new FeatureScaling(mean, std);
    }

    public void Apply(ReadOnlySpan<float> features, Span<float> destination)
    {
        for (var j = 0; j < features.Length; j++)
        {
            destination[j] = (features[j] - Mean[j]) / Std[j];
        }
    }
}
