using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Images;

/// <summary>Rows that are fixed-length feature vectors (row-major in one array), standardised on the way into each batch.</summary>
internal sealed class FeatureTrainingSet(float[] features, int dimension, FeatureScaling scaling, IReadOnlyList<int> labels) : ITrainingSet
{
    public IReadOnlyList<int> Labels => labels;

    public IEnumerable<Batch> Batches(IReadOnlyList<int> rows, int batchSize, bool augment, Random random)
    {
        var buffer = new float[batchSize * dimension];
        var batchLabels = new long[batchSize];
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, rows.Count - start);
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                batchLabels[i] = labels[row];
                scaling.Apply(features.AsSpan(row * dimension, dimension), buffer.AsSpan(i * dimension, dimension));
            }

            yield return new Batch([TensorFactory.Floats(buffer.AsSpan(0, count * dimension), count, dimension)],
                TensorFactory.Longs(batchLabels.AsSpan(0, count), count), count);
        }
    }
}
