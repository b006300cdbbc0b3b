using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Insight.Quality;

/// <summary>
/// Live metrics of a version from its logged predictions that have feedback, computed by the engine's own
/// <see cref="ScoredRows"/> (the code that scored the version at training), so live and validation numbers mean the same:
/// binary takes the positive class's probability (a model without probabilities: 1 for the positive label, else 0),
/// multiclass one probability per class (or one-hot on the label), regression the value.
/// </summary>
public static class QualityCalculator
{
    public static QualityWindow Compute(ModelVersion version, IReadOnlyList<LabelledPrediction> rows, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(rows);
        var labelled = rows.Where(r => r.HasFeedback && Usable(version, r)).ToArray();
        var metrics = labelled.Length == 0
            ? new Dictionary<string, double>()
            : Scored(version, labelled).Metrics().Where(m => double.IsFinite(m.Value)).ToDictionary(); // AUC of one class only is undefined: left out
        return new QualityWindow(from, to, rows.Count, labelled.Length, rows.Count == 0 ? 0 : labelled.Length / (double)rows.Count, metrics,
            Distribution(version, rows));
    }

    /// <summary>Feedback recorded for a class the version does not know (or of the other type) cannot be scored; it is left out.</summary>
    private static bool Usable(ModelVersion version, LabelledPrediction row) => version.Task == TaskKind.Regression
        ? row.TrueValue is not null && row.PredictedValue is not null
        : row.TrueLabel is not null && version.Classes.Contains(row.TrueLabel, StringComparer.Ordinal);

    private static ScoredRows Scored(ModelVersion version, LabelledPrediction[] rows)
    {
        var truth = new float[rows.Length];
        if (version.Task == TaskKind.Regression)
        {
            var values = new float[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                truth[i] = (float)rows[i].TrueValue!.Value;
                values[i] = (float)rows[i].PredictedValue!.Value;
            }

            return new ScoredRows(version.Task, version.Classes, truth, values);
        }

        var classes = version.Classes;
        var width = version.Task == TaskKind.Binary ? 1 : classes.Count;
        var predictions = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            truth[i] = IndexOf(classes, rows[i].TrueLabel);
            var probabilities = rows[i].Probabilities;
            for (var c = 0; c < width; c++)
            {
                // Binary: the positive class (the second) is the one score; multiclass: every class in order.
                var cls = version.Task == TaskKind.Binary ? 1 : c;
                predictions[i * width + c] = probabilities.Count == classes.Count
                    ? probabilities[cls]
                    : string.Equals(rows[i].PredictedLabel, classes[cls], StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return new ScoredRows(version.Task, classes, truth, predictions);
    }

    private static Dictionary<string, double> Distribution(ModelVersion version, IReadOnlyList<LabelledPrediction> rows)
    {
        if (version.Task != TaskKind.Regression)
        {
            var counts = version.Classes.ToDictionary(c => c, _ => 0.0, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row.PredictedLabel is { } label && counts.ContainsKey(label))
                {
                    counts[label]++;
                }
            }

            return counts;
        }

        var values = rows.Where(r => r.PredictedValue is not null).Select(r => r.PredictedValue!.Value).ToArray();
        return values.Length == 0
            ? new Dictionary<string, double> { ["count"] = 0 }
            : new Dictionary<string, double> { ["count"] = values.Length, ["mean"] = values.Average(), ["min"] = values.Min(), ["max"] = values.Max() };
    }

    private static float IndexOf(IReadOnlyList<string> classes, string? label)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (string.Equals(classes[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
