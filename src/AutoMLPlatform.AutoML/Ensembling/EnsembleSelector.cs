using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.AutoML.Trials;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>
/// Greedy ensemble selection with replacement (Caruana et al., 2004) over the best trials' validation predictions:
/// start from the best trial, repeatedly add the trial whose inclusion in the average improves the metric most,
/// stop when nothing improves (the leaders come best first). Weights are how often each trial was added. Choosing weights on the same rows they
/// are scored on flatters the blend, so the decision is cross-fitted: the rows are split in two halves, weights
/// chosen on each half score the other, and the ensemble is kept only if those honest predictions beat the best
/// single trial. The weights of the kept ensemble are then chosen on all rows.
/// </summary>
internal static class EnsembleSelector
{
    public const int MaxRounds = 20;

    /// <summary>Most distinct trials in an ensemble: each one is refit at the end and runs at prediction time.</summary>
    public const int MaxMembers = 4;

    public static EnsembleChoice? Choose(PreparedExperiment experiment, IReadOnlyList<TrialOutcome> leaders, double bestLoss, int seed)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(leaders);
        if (leaders.Count < 2)
        {
            return null;
        }

        var n = experiment.Truth.Length;
        var width = experiment.PredictionWidth;
        var half = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(half);
        int[][] halves = [half[..(n / 2)].Order().ToArray(), half[(n / 2)..].Order().ToArray()];
        if (halves.Any(h => h.Length < 10))
        {
            return null;
        }

        // Honest predictions: each half blended with the weights chosen on the other half.
        var honest = new float[n * width];
        for (var h = 0; h < 2; h++)
        {
            var counts = Greedy(experiment, leaders, halves[h]);
            Blend(leaders, counts, halves[1 - h], width, honest);
        }

        var metrics = MetricsCalculator.Compute(experiment.Task, experiment.Truth, honest, experiment.Classes);
        var score = metrics.GetValueOrDefault(Metrics.NameOf(experiment.Metric), double.NaN);
        var loss = MetricsCalculator.Loss(experiment.Metric, score);
        if (!(loss < bestLoss))
        {
            return null;
        }

        var final = Greedy(experiment, leaders, Enumerable.Range(0, n).ToArray());
        var total = (double)final.Sum();
        var members = final.Select((count, i) => (Trial: leaders[i], Weight: count / total)).Where(m => m.Weight > 0).ToArray();
        return members.Length < 2 ? null : new EnsembleChoice(members, metrics, score, loss, honest);
    }

    /// <summary>How many times each leader is added, choosing on <paramref name="rows"/>.</summary>
    private static int[] Greedy(PreparedExperiment experiment, IReadOnlyList<TrialOutcome> leaders, int[] rows)
    {
        var width = experiment.PredictionWidth;
        var truth = rows.Select(r => experiment.Truth[r]).ToArray();
        var counts = new int[leaders.Count];
        var sum = new double[rows.Length * width];
        Add(sum, leaders[0].Predictions!, rows, width);
        counts[0] = 1;
        var current = LossOf(experiment, truth, sum, 1);
        for (var round = 1; round < MaxRounds; round++)
        {
            var bestIndex = -1;
            var bestLoss = current;
            for (var i = 0; i < leaders.Count; i++)
            {
                if (counts[i] == 0 && counts.Count(c => c > 0) >= MaxMembers)
                {
                    continue;
                }

                var trial = (double[])sum.Clone();
                Add(trial, leaders[i].Predictions!, rows, width);
                var loss = LossOf(experiment, truth, trial, round + 1);
                if (loss < bestLoss - 1e-12)
                {
                    (bestIndex, bestLoss) = (i, loss);
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            Add(sum, leaders[bestIndex].Predictions!, rows, width);
            counts[bestIndex]++;
            current = bestLoss;
        }

        return counts;
    }

    private static void Add(double[] sum, float[] predictions, int[] rows, int width)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            for (var j = 0; j < width; j++)
            {
                sum[k * width + j] += predictions[rows[k] * width + j];
            }
        }
    }

    private static void Blend(IReadOnlyList<TrialOutcome> leaders, int[] counts, int[] rows, int width, float[] destination)
    {
        var total = counts.Sum();
        foreach (var r in rows)
        {
            for (var j = 0; j < width; j++)
            {
                var value = 0.0;
                for (var i = 0; i < leaders.Count; i++)
                {
                    value += counts[i] * (double)leaders[i].Predictions![r * width + j];
                }

                destination[r * width + j] = (float)(value / total);
            }
        }
    }

    private static double LossOf(PreparedExperiment experiment, float[] truth, double[] sum, int count)
    {
        var blended = sum.Select(v => (float)(v / count)).ToArray();
        var metrics = MetricsCalculator.Compute(experiment.Task, truth, blended, experiment.Classes);
        return MetricsCalculator.Loss(experiment.Metric, metrics.GetValueOrDefault(Metrics.NameOf(experiment.Metric), double.NaN));
    }
}
