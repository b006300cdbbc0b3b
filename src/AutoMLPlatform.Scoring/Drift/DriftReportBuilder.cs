using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>Turns a recorder's counts (or none, for a version that served nothing) into a <see cref="DriftReport"/>.</summary>
internal static class DriftReportBuilder
{
    public static DriftReport Build(string model, int version, IReadOnlyList<ModelInputColumn> inputs, DriftRecorder? recorder)
    {
        if (recorder is null)
        {
            return new DriftReport(model, version, 0, false, 0,
                inputs.Select(i => new ColumnDrift(i.Name, KindOf(i.Type == ColumnType.Numeric), 0, null, null, null, null, [])).ToArray(), null);
        }

        var columns = new ColumnDrift[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var (bins, missing, unseen) = recorder.Column(i);
            var reference = recorder.Reference.Inputs[i];
            var present = bins.Sum();
            var rows = present + missing;
            columns[i] = new ColumnDrift(inputs[i].Name, KindOf(inputs[i].Type == ColumnType.Numeric), rows,
                reference is null ? null : Psi.Of(reference.Expected, bins),
                reference?.TrainingMissingShare,
                rows == 0 ? null : (double)missing / rows,
                reference is { IsNumeric: false, CategoriesComplete: true } && present > 0 ? (double)unseen / present : null,
                reference is null ? [] : Bins(reference, bins));
        }

        var predictions = recorder.Reference.Predictions is { } labels ? Prediction(labels, recorder.PredictionCounts()) : null;
        return new DriftReport(model, version, recorder.Rows, true, recorder.Reference.TrainingRows, columns, predictions);
    }

    public static double? PredictionPsi(DriftRecorder recorder) =>
        recorder.Reference.Predictions is { } labels ? Psi.Of(labels.Expected, recorder.PredictionCounts()) : null;

    private static ColumnDrift Prediction(DriftBins labels, long[] counts)
    {
        var rows = counts.Sum();
        return new ColumnDrift(DriftMonitor.PredictionColumn, KindOf(labels.IsNumeric), rows, Psi.Of(labels.Expected, counts), null, null, null,
            Bins(labels, counts));
    }

    private static DriftBin[] Bins(DriftBins reference, long[] counts) =>
        Enumerable.Range(0, reference.Count).Select(b => new DriftBin(reference.Labels[b], reference.Expected[b], counts[b])).ToArray();

    private static string KindOf(bool numeric) => numeric ? "numeric" : "categorical";
}
