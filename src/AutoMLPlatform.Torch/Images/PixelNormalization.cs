namespace AutoMLPlatform.Torch.Images;

/// <summary>Per-channel mean and standard deviation of the training pixels (on the 0-1 scale), applied to every input.</summary>
public sealed record PixelNormalization(IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    public static PixelNormalization Measure(ImageDataset data, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var shape = data.Shape;
        var mean = new float[shape.Channels];
        var std = new float[shape.Channels];
        for (var c = 0; c < shape.Channels; c++)
        {
            double sum = 0, squares = 0;
            foreach (var row in rows)
            {
                foreach (var value in data.Pixels.AsSpan((row * shape.Size) + (c * shape.PixelsPerChannel), shape.PixelsPerChannel))
                {
                    sum += value;
                    squares += value * (double)value;
                }
            }

            var n = Math.Max(1.0, rows.Count * (double)shape.PixelsPerChannel);
            var m = sum / n;
            mean[c] = (float)(m / 255);
            std[c] = (float)Math.Max(Math.Sqrt(Math.Max(0, (squares / n) - (m * m))) / 255, 1e-3);
        }

        return new PixelNormalization(mean, std);
    }

    /// <summary>Writes the normalised value of every byte of one image (channels planar) into <paramref name="destination"/>.</summary>
    public void Apply(ReadOnlySpan<byte> pixels, int pixelsPerChannel, Span<float> destination)
    {
        for (var c = 0; c < Mean.Count; c++)
        {
            var scale = 1f / (255f * Std[c]);
            var shift = Mean[c] / Std[c];
            var plane = pixels.Slice(c * pixelsPerChannel, pixelsPerChannel);
            var target = destination.Slice(c * pixelsPerChannel, pixelsPerChannel);
            for (var i = 0; i < plane.Length; i++)
            {
                target[i] = (plane[i] * scale) - shift;
            }
        }
    }
}
