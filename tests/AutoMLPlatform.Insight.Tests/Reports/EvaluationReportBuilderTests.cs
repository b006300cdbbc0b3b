using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Insight.Reports;

namespace AutoMLPlatform.Insight.Tests.Reports;

/// <summary>Every number here was computed by hand from the five, four and four rows below (see the comments).</summary>
public class EvaluationReportBuilderTests
{
    private const double Tolerance = 1e-6;

    // Truth no, no, yes, yes, yes; P(yes) 0.1, 0.6, 0.35, 0.8, 0.9 → predicted no, yes, no, yes, yes.
    private static readonly ScoredRows Binary = new(TaskKind.Binary, ["no", "yes"], [0, 0, 1, 1, 1], [0.1f, 0.6f, 0.35f, 0.8f, 0.9f]);

    // Truth a, b, c, b; predicted a, c, a, b.
    private static readonly ScoredRows Multiclass = new(TaskKind.Multiclass, ["a", "b", "c"], [0, 1, 2, 1],
        [0.75f, 0.15f, 0.1f, 0.2f, 0.35f, 0.45f, 0.55f, 0.1f, 0.35f, 0.1f, 0.85f, 0.05f]);

    [Test]
    public void Binary_metrics_match_the_hand_computed_values()
    {
        var report = Build(Binary).Classification!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Accuracy, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(report.Classes.Select(c => c.Precision), Is.EqualTo(new[] { 0.5, 2.0 / 3 }).Within(Tolerance));
            Assert.That(report.Classes.Select(c => c.Recall), Is.EqualTo(new[] { 0.5, 2.0 / 3 }).Within(Tolerance));
            Assert.That(report.Classes.Select(c => c.Support), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(report.MacroF1, Is.EqualTo((0.5 + 2.0 / 3) / 2).Within(Tolerance));
            // Positive beats negative in 5 of the 6 pairs (0.35 < 0.6).
            Assert.That(report.Auc, Is.EqualTo(5.0 / 6).Within(Tolerance));
            // −(ln 0.9 + ln 0.4 + ln 0.35 + ln 0.8 + ln 0.9) / 5
            Assert.That(report.LogLoss, Is.EqualTo(-(Math.Log(0.9) * 2 + Math.Log(0.4) + Math.Log(0.35) + Math.Log(0.8)) / 5).Within(Tolerance));
            Assert.That(report.ConfusionMatrix, Is.EqualTo(new[] { new[] { 1, 1 }, new[] { 1, 2 } }));
        });
    }

    [Test]
    public void Binary_curves_step_through_every_distinct_score()
    {
        var curves = Build(Binary).Classification!.Curves.Single();

        Assert.Multiple(() =>
        {
            Assert.That(curves.Class, Is.EqualTo("yes"));
            Assert.That(curves.Roc.Select(p => (p.X, p.Y)), Is.EqualTo(new[] { (0.0, 0.0), (0, 1.0 / 3), (0, 2.0 / 3), (0.5, 2.0 / 3), (0.5, 1), (1, 1) }).Within(Tolerance));
            Assert.That(curves.PrecisionRecall.Select(p => (p.X, p.Y)), Is.EqualTo(new[] { (1.0 / 3, 1.0), (2.0 / 3, 1), (2.0 / 3, 2.0 / 3), (1, 0.75), (1, 0.6) }).Within(Tolerance));
            Assert.That(curves.Roc[1].Threshold, Is.EqualTo(0.9).Within(Tolerance));
        });
    }

    [Test]
    public void Binary_calibration_bins_hold_their_rows()
    {
        var calibration = Build(Binary).Classification!.Calibration;

        Assert.Multiple(() =>
        {
            Assert.That(calibration.Select(b => b.Lower), Is.EqualTo(new[] { 0.1, 0.3, 0.6, 0.8 }).Within(Tolerance));
            Assert.That(calibration.Select(b => b.Count), Is.EqualTo(new[] { 1, 1, 1, 2 }));
            Assert.That(calibration.Select(b => b.ObservedRate), Is.EqualTo(new[] { 0.0, 1, 0, 1 }));
            Assert.That(calibration[3].MeanPredicted, Is.EqualTo(0.85).Within(Tolerance));
        });
    }

    [Test]
    public void Multiclass_metrics_match_the_hand_computed_values()
    {
        var report = Build(Multiclass).Classification!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Accuracy, Is.EqualTo(0.5).Within(Tolerance));
            Assert.That(report.ConfusionMatrix, Is.EqualTo(new[] { new[] { 1, 0, 0 }, new[] { 0, 1, 1 }, new[] { 1, 0, 0 } }));
            Assert.That(report.Classes.Select(c => c.F1), Is.EqualTo(new[] { 2.0 / 3, 2.0 / 3, 0 }).Within(Tolerance));
            Assert.That(report.MacroPrecision, Is.EqualTo(0.5).Within(Tolerance));
            Assert.That(report.MacroRecall, Is.EqualTo(0.5).Within(Tolerance));
            Assert.That(report.MacroF1, Is.EqualTo(4.0 / 9).Within(Tolerance));
            // One-vs-rest: a and b separate perfectly; c's 0.35 beats 0.1 and 0.05 but not 0.45.
            Assert.That(report.Classes.Select(c => c.Auc), Is.EqualTo(new double?[] { 1, 1, 2.0 / 3 }).Within(Tolerance));
            Assert.That(report.Auc, Is.EqualTo((2 + 2.0 / 3) / 3).Within(Tolerance));
            Assert.That(report.LogLoss, Is.EqualTo(-(Math.Log(0.75) + Math.Log(0.35) + Math.Log(0.35) + Math.Log(0.85)) / 4).Within(Tolerance));
            Assert.That(report.Curves.Select(c => c.Class), Is.EqualTo(new[] { "a", "b", "c" }));
        });
    }

    [Test]
    public void Multiclass_calibration_compares_the_top_probability_with_being_right()
    {
        var calibration = Build(Multiclass).Classification!.Calibration;

        // Top probabilities 0.75 (right), 0.45 (wrong), 0.55 (wrong), 0.85 (right).
        Assert.That(calibration.Select(b => (b.Lower, b.ObservedRate)), Is.EqualTo(new[] { (0.4, 0.0), (0.5, 0), (0.7, 1), (0.8, 1) }).Within(Tolerance));
    }

    [Test]
    public void Regression_metrics_and_residual_quantiles_match_the_hand_computed_values()
    {
        // Residuals (actual − predicted): −0.5, 0, 1, −1.
        var rows = new ScoredRows(TaskKind.Regression, [], [1, 2, 3, 4], [1.5f, 2, 2, 5]);

        var report = Build(rows).Regression!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Rmse, Is.EqualTo(0.75).Within(Tolerance));
            Assert.That(report.Mae, Is.EqualTo(0.625).Within(Tolerance));
            Assert.That(report.R2, Is.EqualTo(0.55).Within(Tolerance));
            Assert.That(report.ResidualQuantiles.Select(q => q.Value), Is.EqualTo(new[] { -1, -0.925, -0.625, -0.25, 0.25, 0.85, 1 }).Within(Tolerance));
            Assert.That(report.Points, Has.Count.EqualTo(4));
            Assert.That(report.Points[3], Is.EqualTo(new PredictedActual(5, 4)));
        });
    }

    [Test]
    public void Long_curves_and_point_lists_are_thinned_to_their_bounds()
    {
        var random = new Random(3);
        var truth = Enumerable.Range(0, 5000).Select(i => (float)(i % 2)).ToArray();
        var scores = truth.Select(t => (float)Math.Clamp(t * 0.3 + random.NextDouble() * 0.7, 0, 1)).ToArray();

        var binary = Build(new ScoredRows(TaskKind.Binary, ["no", "yes"], truth, scores)).Classification!.Curves.Single();
        var regression = Build(new ScoredRows(TaskKind.Regression, [], truth, scores)).Regression!;

        Assert.Multiple(() =>
        {
            Assert.That(binary.Roc, Has.Count.EqualTo(EvaluationReportBuilder.MaxCurvePoints));
            Assert.That(binary.PrecisionRecall, Has.Count.EqualTo(EvaluationReportBuilder.MaxCurvePoints));
            Assert.That((binary.Roc[0].X, binary.Roc[^1].X, binary.Roc[^1].Y), Is.EqualTo((0.0, 1.0, 1.0)));
            Assert.That(regression.Points, Has.Count.EqualTo(EvaluationReportBuilder.MaxRegressionPoints));
        });
    }

    [Test]
    public void A_class_missing_from_the_rows_has_no_auc()
    {
        var rows = new ScoredRows(TaskKind.Binary, ["no", "yes"], [1, 1], [0.7f, 0.2f]);

        var report = Build(rows).Classification!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Auc, Is.Null);
            Assert.That(report.Curves.Single().Roc, Is.Empty);
        });
    }

    private static EvaluationReport Build(ScoredRows rows) =>
        EvaluationReportBuilder.Build(rows, EvaluationSource.Dataset, "test rows", DateTimeOffset.UnixEpoch);
}
