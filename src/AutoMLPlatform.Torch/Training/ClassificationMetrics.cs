using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Torch.Training;

/// <summary>
/// The platform's classification metrics (see <see cref="Metrics"/>) from predicted probabilities, by wire name:
/// accuracy, macro F1 and log loss for every task; AUC and F1 of the positive class (index 1) for binary ones.
/// </summary>
public static class ClassificationMetrics
{
    private const double Epsilon = 1e-15;

    /// <param name="probabilities">Row-major, <paramref name="classCount"/> probabilities per row.</param>
    /// <param name="labels">The true class index of each row.</param>
    /// <param name="classCount">Number of classes.</param>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> probabilities, IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNotEqual(probabilities.Length, labels.Count * classCount, nameof(probabilities));
        var confusion = new long[classCount, classCount];
        double logLoss = 0;
        for (var row = 0; row < labels.Count; row++)
        {
            var p = probabilities.Slice(row * classCount, classCount);
            confusion[labels[row], ArgMax(p)]++;
            logLoss -= Math.Log(Math.Clamp(p[labels[row]], Epsilon, 1));
        }

        var n = Math.Max(1, labels.Count);
        var result = new Dictionary<string, double>
        {
            [Metrics.NameOf(MetricKind.Accuracy)] = Enumerable.Range(0, classCount).Sum(c => confusion[c, c]) / (double)n,
            [Metrics.NameOf(MetricKind.MacroF1)] = Enumerable.Range(0, classCount).Average(c => F1(confusion, c, classCount)),
            [Metrics.NameOf(MetricKind.LogLoss)] = logLoss / n,
        };
        if (classCount == 2)
        {
            var positive = new float[labels.Count];
            for (var row = 0; row < labels.Count; row++)
            {
                positive[row] = probabilities[(row * 2) + 1];
            }

            result[Metrics.NameOf(MetricKind.F1)] = F1(confusion, 1, 2);
            result[Metrics.NameOf(MetricKind.Auc)] = Auc(positive, labels);
        }

        return result;
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double F1(long[,] confusion, int c, int classCount)
    {
        long predicted = 0, actual = 0;
        for (var k = 0; k < classCount; k++)
        {
            predicted += confusion[k, c];
            actual += confusion[c, k];
        }

        return predicted + actual == 0 ? 0 : 2.0 * confusion[c, c] / (predicted + actual);
    }

    /// <summary>Area under the ROC curve by ranks (Mann-Whitney), ties counted as half.</summary>
    private static double Auc(float[] scores, IReadOnlyList<int> labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var meanRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] == 1)
                {
                    rankSum += meanRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        var negatives = scores.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * negatives);
    }
}
