using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// Featurised texts turned into EmbeddingBag batches: the feature ids of all rows of a batch end to end, the offset
/// where each row starts, and each feature's TF-IDF weight. Texts are featurised once, before training.
/// </summary>
/// <remarks>
/// Augmentation drops each feature of a training text with probability <c>featureDropout</c> and scales the kept
/// ones up to match (inverted dropout on the input), so the network cannot lean on a few rare features.
/// </remarks>
internal sealed class TextTrainingSet(IReadOnlyList<(int[] Ids, float[] Weights)> rows, IReadOnlyList<int> labels, double featureDropout) : ITrainingSet
{
    public IReadOnlyList<int> Labels => labels;

    public IEnumerable<Batch> Batches(IReadOnlyList<int> order, int batchSize, bool augment, Random random)
    {
        var ids = new List<long>();
        var weights = new List<float>();
        var offsets = new long[batchSize];
        var batchLabels = new long[batchSize];
        for (var start = 0; start < order.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, order.Count - start);
            ids.Clear();
            weights.Clear();
            for (var i = 0; i < count; i++)
            {
                var (rowIds, rowWeights) = rows[order[start + i]];
                offsets[i] = ids.Count;
                batchLabels[i] = labels[order[start + i]];
                var keep = augment ? 1 - featureDropout : 1;
                for (var f = 0; f < rowIds.Length; f++)
                {
                    if (keep >= 1 || random.NextDouble() < keep)
                    {
                        ids.Add(rowIds[f]);
                        weights.Add((float)(rowWeights[f] / keep));
                    }
                }
            }

            yield return new Batch(
                [
                    TensorFactory.Longs(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), ids.Count),
                    TensorFactory.Longs(offsets.AsSpan(0, count), count),
                    TensorFactory.Floats(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(weights), weights.Count),
                ],
                TensorFactory.Longs(batchLabels.AsSpan(0, count), count),
                count);
        }
    }
}
