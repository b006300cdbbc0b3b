using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Insight.Reports;

/// <summary>
/// Classification metrics over a probability matrix (binary becomes [1 − p, p]). Decisions follow the models: binary
/// predicts the positive class at p ≥ 0.5, multiclass the most probable class (the first on a tie). Macro averages
/// run over the classes that occur in the truth or the predictions, as the search's macro F1 does.
/// </summary>
internal static class ClassificationReportBuilder
{
    private const double Epsilon = 1e-15;

    public static ClassificationReport Build(ScoredRows rows, int maxCurvePoints, int calibrationBins)
    {
        var binary = rows.Task == TaskKind.Binary;
        var k = rows.Classes.Count;
        var n = rows.Rows;
        var probability = Probabilities(rows, k);
        var actual = new int[n];
        var predicted = new int[n];
        var confusion = new int[k, k];
        var logLoss = 0.0;
        for (var i = 0; i < n; i++)
        {
            actual[i] = binary ? (rows.Truth[i] > 0.5f ? 1 : 0) : (int)rows.Truth[i];
            predicted[i] = binary ? (rows.Predictions[i] >= 0.5f ? 1 : 0) : ArgMax(probability[i]);
            confusion[actual[i], predicted[i]]++;
            logLoss -= Math.Log(Math.Clamp(probability[i][actual[i]], Epsilon, 1 - Epsilon));
        }

        var classes = new ClassMetrics[k];
        var counted = new List<ClassMetrics>();
        for (var c = 0; c < k; c++)
        {
            int tp = confusion[c, c], support = 0, predictedCount = 0;
            for (var j = 0; j < k; j++)
            {
                support += confusion[c, j];
                predictedCount += confusion[j, c];
            }

            var precision = predictedCount > 0 ? tp / (double)predictedCount : 0;
            var recall = support > 0 ? tp / (double)support : 0;
            var f1 = support + predictedCount > 0 ? 2.0 * tp / (support + predictedCount) : 0;
            classes[c] = new ClassMetrics(rows.Classes[c], support, precision, recall, f1,
                ScoreCurves.Auc(actual.Select(a => a == c).ToArray(), probability.Select(p => p[c]).ToArray()));
            if (support + predictedCount > 0)
            {
                counted.Add(classes[c]);
            }
        }

        var curveClasses = binary ? [1] : Enumerable.Range(0, k).ToArray();
        var curves = curveClasses.Select(c =>
        {
            var (roc, pr) = ScoreCurves.Points(actual.Select(a => a == c).ToArray(), probability.Select(p => p[c]).ToArray(), maxCurvePoints);
            return new ClassCurves(rows.Classes[c], roc, pr);
        }).ToArray();
        var aucs = classes.Where(c => c.Auc is not null).Select(c => c.Auc!.Value).ToArray();
        double? auc = binary ? classes[1].Auc : aucs.Length > 0 ? aucs.Average() : null;

        // Binary: how often the positive class happened per bin of its probability. Multiclass: how often the top
        // class was right per bin of its probability (a reliability diagram of the confidence).
        var calibration = binary
            ? CalibrationTable.Build(probability.Select(p => p[1]).ToArray(), actual.Select(a => a == 1).ToArray(), calibrationBins)
            : CalibrationTable.Build(probability.Select((p, i) => p[predicted[i]]).ToArray(), actual.Select((a, i) => a == predicted[i]).ToArray(), calibrationBins);
        var correct = Enumerable.Range(0, n).Count(i => actual[i] == predicted[i]);
        return new ClassificationReport(correct / (double)n,
            counted.Count > 0 ? counted.Average(c => c.Precision) : 0,
            counted.Count > 0 ? counted.Average(c => c.Recall) : 0,
            counted.Count > 0 ? counted.Average(c => c.F1) : 0,
            auc, logLoss / n, classes, ToRows(confusion, k), curves, calibration);
    }

    /// <summary>One probability per class per row; multiclass scores are clipped at 0 and normalised to sum to 1 (uniform when all are 0).</summary>
    private static double[][] Probabilities(ScoredRows rows, int k)
    {
        if (rows.Task == TaskKind.Binary)
        {
            return rows.Predictions.Select(p => new[] { 1 - (double)p, p }).ToArray();
        }

        return Enumerable.Range(0, rows.Rows).Select(i =>
        {
            var scores = rows.Predictions.AsSpan(i * k, k).ToArray().Select(s => Math.Max(0, (double)s)).ToArray();
            var sum = scores.Sum();
            return sum > 0 ? scores.Select(s => s / sum).ToArray() : Enumerable.Repeat(1.0 / k, k).ToArray();
        }).ToArray();
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            best = values[c] > values[best] ? c : best;
        }

        return best;
    }

    private static int[][] ToRows(int[,] matrix, int k) =>
        Enumerable.Range(0, k).Select(r => Enumerable.Range(0, k).Select(c => matrix[r, c]).ToArray()).ToArray();
}
