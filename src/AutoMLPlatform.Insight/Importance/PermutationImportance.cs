using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.Insight.Importance;

/// <summary>
/// Permutation feature importance over the user's own columns: each input column of the raw table is shuffled across
/// rows and the whole model (featurizers included) scores the rows again, so a column that fans out into many
/// featurized slots (one-hot, n-grams, date parts, a missing-value indicator) is measured as one, and no mapping from
/// slots back to columns is needed. Bounded by time: after the baseline pass the cost of one repeat is estimated, the
/// rows are sampled down when one repeat would not fit, and further repeats run only while they fit.
/// </summary>
public sealed class PermutationImportance(TimeProvider time)
{
    /// <returns>The importance, or null when not even one repeat over <see cref="PermutationImportanceOptions.MinRows"/> rows fits in <paramref name="allowed"/>.</returns>
    public FeatureImportance? Compute(ITransformer model, LoadedTable labelled, string labelColumn, LabelEncoding labels, IReadOnlyList<string> columns,
        MetricKind metric, string description, PermutationImportanceOptions options, TimeSpan allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var started = time.GetTimestamp();
        var random = new Random(options.Seed);
        var rows = Sample(labelled, options.MaxRows, random);
        var measure = Metrics.AppliesTo(metric, labels.Task) ? metric : Metrics.DefaultFor(labels.Task);
        // The first pass through a freshly loaded model pays for JIT and lazy set-up; timing it would make every
        // later pass look far dearer than it is and sample the rows down for nothing.
        Score(model, rows.Select(Enumerable.Range(0, Math.Min(rows.RowCount, 10)).ToArray()), labelColumn, labels, measure);
        var passStarted = time.GetTimestamp();
        var baseline = Score(model, rows, labelColumn, labels, measure);
        if (!double.IsFinite(baseline))
        {
            // AUC is undefined when the rows hold one class; log loss and RMSE are defined on any rows.
            measure = labels.Task == TaskKind.Regression ? MetricKind.Rmse : MetricKind.LogLoss;
            baseline = Score(model, rows, labelColumn, labels, measure);
        }

        var pass = time.GetElapsedTime(passStarted);
        var remaining = allowed - time.GetElapsedTime(started);
        if (pass * columns.Count > remaining)
        {
            // Scoring time grows with the rows: keep the share of rows that lets one repeat fit, with a margin.
            var keep = (int)(rows.RowCount * 0.8 * remaining.TotalSeconds / Math.Max(1e-6, pass.TotalSeconds * columns.Count));
            if (keep < options.MinRows)
            {
                return null;
            }

            rows = Sample(rows, keep, random);
            baseline = Score(model, rows, labelColumn, labels, measure);
        }

        var drops = columns.Select(_ => new List<double>()).ToArray();
        for (var repeat = 0; repeat < options.Repeats; repeat++)
        {
            var repeatStarted = time.GetTimestamp();
            for (var c = 0; c < columns.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var score = Score(model, Shuffled(rows, columns[c], random), labelColumn, labels, measure);
                drops[c].Add(Metrics.HigherIsBetter(measure) ? baseline - score : score - baseline);
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed + time.GetElapsedTime(repeatStarted) > allowed)
            {
                break;
            }
        }

        var importances = columns.Select((name, c) => new ColumnImportance(name, drops[c].Average(), StandardDeviation(drops[c])))
            .OrderByDescending(i => i.Mean).ThenBy(i => i.Column, StringComparer.Ordinal).ToArray();
        return new FeatureImportance(Metrics.NameOf(measure), baseline, rows.RowCount, drops[0].Count, description, importances, time.GetUtcNow());
    }

    private static double Score(ITransformer model, LoadedTable rows, string labelColumn, LabelEncoding labels, MetricKind metric) =>
        ModelEvaluator.Score(model, rows, labelColumn, labels).Metrics()[Metrics.NameOf(metric)];

    private static LoadedTable Sample(LoadedTable table, int max, Random random)
    {
        if (table.RowCount <= max)
        {
            return table;
        }

        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        random.Shuffle(rows);
        return table.Select(rows[..max].Order().ToArray());
    }

    private static LoadedTable Shuffled(LoadedTable table, string column, Random random)
    {
        var replaced = table.Columns.Select(c => c.Name != column ? c : c switch
        {
            NumericColumn n => (TableColumn)(n with { Values = ShuffledCopy(n.Values, random) }),
            StringColumn s => s with { Values = ShuffledCopy(s.Values, random) },
            _ => throw new InvalidOperationException($"Unknown column kind {c.GetType().Name}."),
        }).ToArray();
        return new LoadedTable(replaced, table.RowCount);
    }

    private static T[] ShuffledCopy<T>(T[] values, Random random)
    {
        var copy = values.ToArray();
        random.Shuffle(copy);
        return copy;
    }

    private static double StandardDeviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
