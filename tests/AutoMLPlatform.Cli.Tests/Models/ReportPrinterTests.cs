using AutoMLPlatform.Cli.Models;
using AutoMLPlatform.Client.Models;

namespace AutoMLPlatform.Cli.Tests.Models;

public class ReportPrinterTests
{
    private static readonly DateTimeOffset Computed = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    [Test]
    public void A_classification_report_prints_metrics_a_class_table_the_confusion_matrix_and_the_top_importances()
    {
        var classification = new ClassificationReport(0.75, 0.7, 0.8, 0.72, 0.9, 0.4123456,
            [new ClassMetrics("bad", 4, 0.5, 0.75, 0.6, 0.9), new ClassMetrics("good", 8, 0.9, 0.75, 0.81818, null)],
            [[3, 1], [2, 6]], [], []);
        var importance = new FeatureImportance("auc", 0.9, 12, 5, "training rows", Enumerable.Range(1, 12).Select(i => new ColumnImportance($"c{i}", 0.1 / i, 0.01)).ToArray(), Computed);
        var report = new ModelReport("credit", 3, "binary",
            new EvaluationReport("validation", "out-of-fold predictions", 12, "binary", classification, null, Computed), null, importance);

        var lines = ReportPrinter.Format(report).Split('\n');

        Assert.That(lines[..15], Is.EqualTo(new[]
        {
            "credit version 3 (binary)",
            "",
            "Validation: out-of-fold predictions (12 rows, computed 2026-11-30 09:15 UTC)",
            "  accuracy 0.7500   macro precision 0.7000   macro recall 0.8000   macro F1 0.7200",
            "  AUC 0.9000   log loss 0.4123",
            "",
            "  class  precision     recall         F1        AUC    support",
            "  bad       0.5000     0.7500     0.6000     0.9000          4",
            "  good      0.9000     0.7500     0.8182        n/a          8",
            "",
            "  confusion matrix (rows: true class, columns: predicted class)",
            "          bad  good",
            "  bad       3     1",
            "  good      2     6",
            "",
        }));
    }

    [Test]
    public void Only_the_top_ten_importances_are_listed_and_the_rest_counted()
    {
        var importance = new FeatureImportance("rmse", 1.5, 100, 3, "training rows", Enumerable.Range(1, 12).Select(i => new ColumnImportance($"c{i}", 1.0 / i, 0.05)).ToArray(), Computed);

        var lines = ReportPrinter.Format(new ModelReport("ames", 1, "regression", null, null, importance)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[1..], Is.EqualTo(new[]
        {
            "Feature importance: how much rmse worsens when a column is shuffled (mean ± sd of 3 repeats on 100 rows)",
            "  c1      1.0000 ± 0.0500",
            "  c2      0.5000 ± 0.0500",
            "  c3      0.3333 ± 0.0500",
            "  c4      0.2500 ± 0.0500",
            "  c5      0.2000 ± 0.0500",
            "  c6      0.1667 ± 0.0500",
            "  c7      0.1429 ± 0.0500",
            "  c8      0.1250 ± 0.0500",
            "  c9      0.1111 ± 0.0500",
            "  c10     0.1000 ± 0.0500",
            "  … and 2 more columns",
        }));
    }

    [Test]
    public void A_regression_report_prints_errors_and_residual_quantiles()
    {
        var regression = new RegressionReport(1.25, 0.75, 0.91, [new QuantileValue(0, -2), new QuantileValue(0.05, -1.5), new QuantileValue(0.5, 0.1), new QuantileValue(1, 3)], []);
        var report = new ModelReport("ames", 2, "regression", null,
            new EvaluationReport("dataset", "dataset ames-test version 1", 586, "regression", null, regression, Computed), null);

        var lines = ReportPrinter.Format(report).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[1..], Is.EqualTo(new[]
        {
            "Evaluation: dataset ames-test version 1 (586 rows, computed 2026-11-30 09:15 UTC)",
            "  RMSE 1.2500   MAE 0.7500   R² 0.9100",
            "  residuals (actual − predicted) at 0%: -2.0000  5%: -1.5000  50%: 0.1000  100%: 3.0000",
        }));
    }

    [Test]
    public void A_version_without_any_report_says_so()
    {
        var lines = ReportPrinter.Format(new ModelReport("credit", 1, "binary", null, null, null)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Is.EqualTo(new[] { "credit version 1 (binary)", "No report has been computed for this version." }));
    }
}
