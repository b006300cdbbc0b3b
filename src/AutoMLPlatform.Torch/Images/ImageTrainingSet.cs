using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Turns an <see cref="ImageDataset"/> into normalised image batches. Augmentation works per image, in managed code
/// on the way into the batch buffer: a random shift of up to <c>maxShift</c> pixels each way (uncovered pixels take
/// the mean colour, 0 after normalisation) and, when <c>flip</c> is on, a horizontal mirror half of the time.
/// </summary>
internal sealed class ImageTrainingSet(ImageDataset data, PixelNormalization normalization, bool flip, int maxShift) : ITrainingSet
{
    public IReadOnlyList<int> Labels => data.Labels;

    public IEnumerable<Batch> Batches(IReadOnlyList<int> rows, int batchSize, bool augment, Random random)
    {
        var shape = data.Shape;
        var buffer = new float[batchSize * shape.Size];
        var image = new float[shape.Size];
        var labels = new long[batchSize];
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, rows.Count - start);
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                labels[i] = data.Labels[row];
                var target = buffer.AsSpan(i * shape.Size, shape.Size);
                if (!augment)
                {
                    normalization.Apply(data.Pixels.AsSpan(row * shape.Size, shape.Size), shape.PixelsPerChannel, target);
                    continue;
                }

                normalization.Apply(data.Pixels.AsSpan(row * shape.Size, shape.Size), shape.PixelsPerChannel, image);
                Shift(image, target, shape, random.Next(-maxShift, maxShift + 1), random.Next(-maxShift, maxShift + 1), flip && random.Next(2) == 0);
            }

            yield return new Batch(
                [TensorFactory.Floats(buffer.AsSpan(0, count * shape.Size), count, shape.Channels, shape.Height, shape.Width)],
                TensorFactory.Longs(labels.AsSpan(0, count), count),
                count);
        }
    }

    /// <summary>Copies <paramref name="source"/> moved by (dx, dy), mirrored first when <paramref name="mirror"/>.</summary>
    private static void Shift(ReadOnlySpan<float> source, Span<float> target, ImageShape shape, int dx, int dy, bool mirror)
    {
        target.Clear();
        var (h, w) = (shape.Height, shape.Width);
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = c * h * w;
            for (var y = Math.Max(0, dy); y < Math.Min(h, h + dy); y++)
            {
                var sourceRow = plane + ((y - dy) * w);
                var targetRow = plane + (y * w);
                for (var x = Math.Max(0, dx); x < Math.Min(w, w + dx); x++)
                {
                    var sx = x - dx;
                    target[targetRow + x] = source[sourceRow + (mirror ? w - 1 - sx : sx)];
                }
            }
        }
    }
}
