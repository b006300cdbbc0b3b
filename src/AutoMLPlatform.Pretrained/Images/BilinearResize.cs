namespace AutoMLPlatform.Pretrained.Images;

/// <summary>
/// Resizes planar 8-bit images to planar floats with bilinear interpolation over half-pixel centres (as
/// PyTorch's <c>interpolate(align_corners=False)</c>), clamping at the edges. Pure arithmetic in a fixed order, so the
/// same pixels always give the same floats.
/// </summary>
internal static class BilinearResize
{
    /// <summary>
    /// Writes <paramref name="outputChannels"/> planes of <paramref name="side"/> x <paramref name="side"/> values (0–255)
    /// into <paramref name="destination"/>; a grey source (one channel) is repeated into every output channel.
    /// </summary>
    public static void ToPlanes(ReadOnlySpan<byte> source, int channels, int height, int width, int side, int outputChannels, Span<float> destination)
    {
        var plane = side * side;
        var (y0, y1, fy) = Taps(height, side);
        var (x0, x1, fx) = Taps(width, side);
        for (var c = 0; c < outputChannels; c++)
        {
            var input = source.Slice((channels == 1 ? 0 : c) * height * width, height * width);
            var output = destination.Slice(c * plane, plane);
            for (var y = 0; y < side; y++)
            {
                var top = input.Slice(y0[y] * width, width);
                var bottom = input.Slice(y1[y] * width, width);
                var wy = fy[y];
                for (var x = 0; x < side; x++)
                {
                    var upper = top[x0[x]] + ((top[x1[x]] - top[x0[x]]) * fx[x]);
                    var lower = bottom[x0[x]] + ((bottom[x1[x]] - bottom[x0[x]]) * fx[x]);
                    output[(y * side) + x] = upper + ((lower - upper) * wy);
                }
            }
        }
    }

    /// <summary>For each output coordinate: the two source coordinates it lies between and the weight of the second.</summary>
    private static (int[] Low, int[] High, float[] Weight) Taps(int sourceSize, int targetSize)
    {
        var low = new int[targetSize];
        var high = new int[targetSize];
        var weight = new float[targetSize];
        var scale = sourceSize / (double)targetSize;
        for (var i = 0; i < targetSize; i++)
        {
            var position = Math.Clamp(((i + 0.5) * scale) - 0.5, 0, sourceSize - 1);
            low[i] = (int)Math.Floor(position);
            high[i] = Math.Min(low[i] + 1, sourceSize - 1);
            weight[i] = (float)(position - low[i]);
        }

        return (low, high, weight);
    }
}
