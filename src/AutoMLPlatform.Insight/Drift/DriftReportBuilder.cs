using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>Turns a version's reference and counts (or none, for a version that is not monitored) into a <see cref="DriftReport"/>.</summary>
public static class DriftReportBuilder
{
    /// <summary>The column name under which the predictions' PSI is reported and exported.</summary>
    public const string PredictionColumn = "(prediction)";

    public static DriftReport Build(string model, int version, IReadOnlyList<ModelInputColumn> inputs, DriftReference? reference, DriftCounts? counts)
    {
        if (reference is null || counts is null)
        {
            return new DriftReport(model, version, 0, false, 0,
                inputs.Select(i => new ColumnDrift(i.Name, KindOf(i.Type == ColumnType.Numeric), 0, null, null, null, null, [])).ToArray(), null);
        }

        var columns = new ColumnDrift[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var (bins, missing, unseen) = counts.Column(i);
            var bin = reference.Inputs[i];
            var present = bins.Sum();
            var rows = present + missing;
            columns[i] = new ColumnDrift(inputs[i].Name, KindOf(inputs[i].Type == ColumnType.Numeric), rows,
                bin is null ? null : Psi.Of(bin.Expected, bins),
                bin?.TrainingMissingShare,
                rows == 0 ? null : (double)missing / rows,
                bin is { IsNumeric: false, CategoriesComplete: true } && present > 0 ? (double)unseen / present : null,
                bin is null ? [] : Bins(bin, bins));
        }

        var predictions = reference.Predictions is { } labels ? Prediction(labels, counts.Predictions()) : null;
        return new DriftReport(model, version, counts.Rows, true, reference.TrainingRows, columns, predictions);
    }

    /// <summary>What a pipeline's drift check reads of a report: the rows and each input column's PSI; null when the version is not monitored.</summary>
    public static DriftSummary? Summarize(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Monitored
            ? new DriftSummary(report.Rows, report.Columns.Where(c => c.Psi is not null).ToDictionary(c => c.Name, c => c.Psi!.Value, StringComparer.Ordinal))
            : null;
    }

    public static double? PredictionPsi(DriftReference reference, DriftCounts counts) =>
        reference.Predictions is { } labels ? Psi.Of(labels.Expected, counts.Predictions()) : null;

    private static ColumnDrift Prediction(DriftBins labels, long[] counts)
    {
        var rows = counts.Sum();
        return new ColumnDrift(PredictionColumn, KindOf(labels.IsNumeric), rows, Psi.Of(labels.Expected, counts), null, null, null,
            Bins(labels, counts));
    }

    private static DriftBin[] Bins(DriftBins reference, long[] counts) =>
        Enumerable.Range(0, reference.Count).Select(b => new DriftBin(reference.Labels[b], reference.Expected[b], counts[b])).ToArray();

    private static string KindOf(bool numeric) => numeric ? "numeric" : "categorical";
}
