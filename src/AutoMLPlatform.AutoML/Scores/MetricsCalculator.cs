using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Scores;

/// <summary>
/// Computes every metric of a task from predictions held in arrays, by wire name (see <see cref="Metrics"/>).
/// Binary predictions are the positive class's probability (decision at 0.5); multiclass predictions are one
/// probability per class, row after row; regression predictions are values. Truth is 0/1, the class index
/// (−1 for a class the model never saw: always wrong) or the value. Log loss uses the natural logarithm, as
/// scikit-learn does, with probabilities clipped to [1e-15, 1 − 1e-15].
/// </summary>
internal static class MetricsCalculator
{
    private const double Epsilon = 1e-15;

    public static Dictionary<string, double> Compute(TaskKind task, ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted, int classes) => task switch
    {
        TaskKind.Binary => Binary(truth, predicted),
        TaskKind.Multiclass => Multiclass(truth, predicted, classes),
        TaskKind.Regression => Regression(truth, predicted),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>The value the tuners minimise for <paramref name="metric"/>: the metric itself, or its negation where higher is better.</summary>
    public static double Loss(MetricKind metric, double score) =>
        double.IsFinite(score) ? (Metrics.HigherIsBetter(metric) ? -score : score) : double.PositiveInfinity;

    private static Dictionary<string, double> Binary(ReadOnlySpan<float> truth, ReadOnlySpan<float> probability)
    {
        int tp = 0, fp = 0, fn = 0, correct = 0;
        var logLoss = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var positive = truth[i] > 0.5f;
            var p = Math.Clamp((double)probability[i], Epsilon, 1 - Epsilon);
            var predictedPositive = probability[i] >= 0.5f;
            correct += positive == predictedPositive ? 1 : 0;
            tp += positive && predictedPositive ? 1 : 0;
            fp += !positive && predictedPositive ? 1 : 0;
            fn += positive && !predictedPositive ? 1 : 0;
            logLoss -= positive ? Math.Log(p) : Math.Log(1 - p);
        }

        var n = Math.Max(1, truth.Length);
        return new()
        {
            [Metrics.NameOf(MetricKind.Auc)] = Auc(truth, probability),
            [Metrics.NameOf(MetricKind.Accuracy)] = correct / (double)n,
            [Metrics.NameOf(MetricKind.F1)] = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn),
            [Metrics.NameOf(MetricKind.LogLoss)] = logLoss / n,
        };
    }

    /// <summary>Area under the ROC curve from ranks, ties sharing their average rank (the Mann–Whitney statistic).</summary>
    private static double Auc(ReadOnlySpan<float> truth, ReadOnlySpan<float> score)
    {
        var order = new int[truth.Length];
        var keys = score.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (truth[order[k]] > 0.5f)
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = truth.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    private static Dictionary<string, double> Multiclass(ReadOnlySpan<float> truth, ReadOnlySpan<float> probabilities, int classes)
    {
        var truePositives = new int[classes];
        var predictedCounts = new int[classes];
        var actualCounts = new int[classes];
        var correct = 0;
        var logLoss = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            var actual = (int)truth[i];
            var predicted = 0;
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                sum += Math.Max(0, row[c]);
                predicted = row[c] > row[predicted] ? c : predicted;
            }

            predictedCounts[predicted]++;
            if (actual < 0)
            {
                logLoss -= Math.Log(Epsilon);
                continue;
            }

            actualCounts[actual]++;
            if (actual == predicted)
            {
                correct++;
                truePositives[actual]++;
            }

            logLoss -= Math.Log(Math.Clamp(sum > 0 ? Math.Max(0, row[actual]) / sum : 1.0 / classes, Epsilon, 1 - Epsilon));
        }

        // Macro F1 over the classes that occur in the truth or the predictions, as scikit-learn averages it.
        var f1 = Enumerable.Range(0, classes)
            .Where(c => actualCounts[c] + predictedCounts[c] > 0)
            .Select(c => 2.0 * truePositives[c] / (actualCounts[c] + predictedCounts[c]))
            .DefaultIfEmpty(0).Average();
        var n = Math.Max(1, truth.Length);
        return new()
        {
            [Metrics.NameOf(MetricKind.Accuracy)] = correct / (double)n,
            [Metrics.NameOf(MetricKind.MacroF1)] = f1,
            [Metrics.NameOf(MetricKind.LogLoss)] = logLoss / n,
        };
    }

    private static Dictionary<string, double> Regression(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        double mean = 0;
        foreach (var y in truth)
        {
            mean += y;
        }

        mean /= Math.Max(1, truth.Length);
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var error = (double)predicted[i] - truth[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (truth[i] - mean) * (truth[i] - mean);
        }

        var n = Math.Max(1, truth.Length);
        return new()
        {
            [Metrics.NameOf(MetricKind.Rmse)] = Math.Sqrt(squared / n),
            [Metrics.NameOf(MetricKind.Mae)] = absolute / n,
            [Metrics.NameOf(MetricKind.R2)] = total > 0 ? 1 - squared / total : double.NaN,
        };
    }
}
