using System.Globalization;
using System.Text;
using AutoMLPlatform.Client.Models;

namespace AutoMLPlatform.Cli.Models;

/// <summary>
/// Writes a version's report for a person at a terminal: the metrics, a per-class table and the confusion matrix
/// (classification) or the error measures and residual quantiles (regression), for the validation report and the
/// latest dataset evaluation, then the most important columns. Numbers have four decimals; names are never cut.
/// </summary>
internal static class ReportPrinter
{
    /// <summary>How many columns of the permutation importance are listed, most important first.</summary>
    public const int TopImportances = 10;

    public static string Format(ModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Line(text, $"{report.Model} version {report.Version} ({report.Task})");
        if (report.Validation is null && report.Evaluation is null && report.Importance is null)
        {
            Line(text, "No report has been computed for this version.");
        }

        Evaluation(text, "Validation", report.Validation);
        Evaluation(text, "Evaluation", report.Evaluation);
        Importance(text, report.Importance);
        return text.ToString();
    }

    private static void Evaluation(StringBuilder text, string title, EvaluationReport? report)
    {
        if (report is null)
        {
            return;
        }

        Line(text, "");
        Line(text, $"{title}: {report.Description} ({report.Rows} rows, computed {report.ComputedAt:yyyy-MM-dd HH:mm} UTC)");
        if (report.Classification is { } classification)
        {
            Classification(text, classification);
        }

        if (report.Regression is { } regression)
        {
            Line(text, $"  RMSE {N(regression.Rmse)}   MAE {N(regression.Mae)}   R² {N(regression.R2)}");
            Line(text, "  residuals (actual − predicted) at " + string.Join("  ", regression.ResidualQuantiles.Select(q => $"{q.Quantile * 100:0.#}%: {N(q.Value)}")));
        }
    }

    private static void Classification(StringBuilder text, ClassificationReport report)
    {
        Line(text, $"  accuracy {N(report.Accuracy)}   macro precision {N(report.MacroPrecision)}   macro recall {N(report.MacroRecall)}   macro F1 {N(report.MacroF1)}");
        Line(text, $"  AUC {N(report.Auc)}   log loss {N(report.LogLoss)}");
        var names = report.Classes.Select(c => c.Class).ToArray();
        var nameWidth = Math.Max("class".Length, names.Max(n => n.Length));
        Line(text, "");
        Line(text, $"  {"class".PadRight(nameWidth)}  {"precision",9}  {"recall",9}  {"F1",9}  {"AUC",9}  {"support",9}");
        foreach (var c in report.Classes)
        {
            Line(text, $"  {c.Class.PadRight(nameWidth)}  {N(c.Precision),9}  {N(c.Recall),9}  {N(c.F1),9}  {N(c.Auc),9}  {c.Support,9}");
        }

        Line(text, "");
        Line(text, "  confusion matrix (rows: true class, columns: predicted class)");
        var cellWidth = Math.Max(names.Max(n => n.Length), report.ConfusionMatrix.SelectMany(r => r).DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture).Length);
        Line(text, $"  {"".PadRight(nameWidth)}" + string.Concat(names.Select(n => "  " + n.PadLeft(cellWidth))));
        foreach (var (row, i) in report.ConfusionMatrix.Select((r, i) => (r, i)))
        {
            Line(text, $"  {names[i].PadRight(nameWidth)}" + string.Concat(row.Select(count => "  " + count.ToString(CultureInfo.InvariantCulture).PadLeft(cellWidth))));
        }
    }

    private static void Importance(StringBuilder text, FeatureImportance? importance)
    {
        if (importance is null)
        {
            return;
        }

        Line(text, "");
        Line(text, $"Feature importance: how much {importance.Metric} worsens when a column is shuffled (mean ± sd of {importance.Repeats} repeats on {importance.Rows} rows)");
        var width = importance.Columns.Select(c => c.Column.Length).DefaultIfEmpty(0).Max();
        foreach (var column in importance.Columns.Take(TopImportances))
        {
            Line(text, $"  {column.Column.PadRight(width)}  {N(column.Mean),9} ± {N(column.StandardDeviation)}");
        }

        if (importance.Columns.Count > TopImportances)
        {
            Line(text, $"  … and {importance.Columns.Count - TopImportances} more columns");
        }
    }

    private static string N(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static void Line(StringBuilder text, FormattableString line) => text.Append(FormattableString.Invariant(line)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
