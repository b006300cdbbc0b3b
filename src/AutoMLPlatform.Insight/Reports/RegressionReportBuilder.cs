using AutoMLPlatform.Core.Insight;

namespace AutoMLPlatform.Insight.Reports;

/// <summary>RMSE, MAE, R², residual quantiles and a bounded, evenly spaced sample of predicted-vs-actual points.</summary>
internal static class RegressionReportBuilder
{
    private static readonly double[] Quantiles = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

    public static RegressionReport Build(float[] actual, float[] predicted, int maxPoints)
    {
        var n = actual.Length;
        var mean = actual.Average(v => (double)v);
        double squared = 0, absolute = 0, total = 0;
        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            residuals[i] = (double)actual[i] - predicted[i];
            squared += residuals[i] * residuals[i];
            absolute += Math.Abs(residuals[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        Array.Sort(residuals);
        var quantiles = Quantiles.Select(q => new QuantileValue(q, Quantile(residuals, q))).ToArray();
        var count = Math.Min(n, maxPoints);
        var points = Enumerable.Range(0, count)
            .Select(k => (int)((long)k * n / count))
            .Select(i => new PredictedActual(predicted[i], actual[i]))
            .ToArray();
        return new RegressionReport(Math.Sqrt(squared / n), absolute / n, total > 0 ? 1 - squared / total : null, quantiles, points);
    }

    /// <summary>Linear interpolation between the closest ranks (numpy's default), on sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
