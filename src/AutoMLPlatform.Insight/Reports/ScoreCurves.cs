using AutoMLPlatform.Core.Insight;

namespace AutoMLPlatform.Insight.Reports;

/// <summary>ROC AUC, ROC points and precision-recall points of one score against a yes/no truth.</summary>
internal static class ScoreCurves
{
    /// <summary>Area under the ROC curve from ranks, ties sharing their average rank; null when either side is empty.</summary>
    public static double? Auc(bool[] positive, double[] score)
    {
        var order = Enumerable.Range(0, score.Length).ToArray();
        Array.Sort(score.ToArray(), order);
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (positive[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? null : (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>
    /// One point per distinct score, highest first: predicting "yes" at score ≥ threshold. ROC starts at (0, 0) with a
    /// threshold just above the highest score. Both lists are thinned evenly to at most <paramref name="maxPoints"/>,
    /// keeping the first and last. Empty when either side is empty.
    /// </summary>
    public static (IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall) Points(bool[] positive, double[] score, int maxPoints)
    {
        var positives = positive.Count(p => p);
        var negatives = positive.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return ([], []);
        }

        var order = Enumerable.Range(0, score.Length).OrderByDescending(i => score[i]).ToArray();
        var roc = new List<CurvePoint> { new(Math.BitIncrement(score[order[0]]), 0, 0) };
        var pr = new List<CurvePoint>();
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            _ = positive[order[k]] ? tp++ : fp++;
            if (k + 1 < order.Length && score[order[k + 1]] == score[order[k]])
            {
                continue;
            }

            var threshold = score[order[k]];
            roc.Add(new CurvePoint(threshold, fp / (double)negatives, tp / (double)positives));
            pr.Add(new CurvePoint(threshold, tp / (double)positives, tp / (double)(tp + fp)));
        }

        return (Thin(roc, maxPoints), Thin(pr, maxPoints));
    }

    private static IReadOnlyList<CurvePoint> Thin(List<CurvePoint> points, int maxPoints) =>
        points.Count <= maxPoints
            ? points
            : Enumerable.Range(0, maxPoints).Select(k => points[(int)Math.Round(k * (points.Count - 1) / (double)(maxPoints - 1))]).ToArray();
}
