using AutoMLPlatform.Core.Insight;

namespace AutoMLPlatform.Insight.Reports;

/// <summary>Reliability table: equal-width probability bins, each with its mean probability and observed event rate. Empty bins are left out.</summary>
internal static class CalibrationTable
{
    public static IReadOnlyList<CalibrationBin> Build(double[] probability, bool[] happened, int bins)
    {
        var counts = new int[bins];
        var sums = new double[bins];
        var events = new int[bins];
        for (var i = 0; i < probability.Length; i++)
        {
            // [k/B, (k+1)/B), the last bin closed at 1.
            var bin = Math.Clamp((int)Math.Floor(probability[i] * bins), 0, bins - 1);
            counts[bin]++;
            sums[bin] += probability[i];
            events[bin] += happened[i] ? 1 : 0;
        }

        return Enumerable.Range(0, bins).Where(b => counts[b] > 0)
            .Select(b => new CalibrationBin(b / (double)bins, (b + 1) / (double)bins, counts[b], sums[b] / counts[b], events[b] / (double)counts[b]))
            .ToArray();
    }
}
