using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Tests.Evaluation;

public class MetricsCalculatorTests
{
    [Test]
    public void Auc_counts_a_tied_pair_as_half_right()
    {
        // Pairs (positive, negative): (0.9, 0.1) right, (0.9, 0.5) right, (0.5, 0.1) right, (0.5, 0.5) tied: 3.5 of 4.
        float[] truth = [1, 1, 0, 0];
        float[] scores = [0.9f, 0.5f, 0.5f, 0.1f];

        var metrics = MetricsCalculator.Compute(TaskKind.Binary, truth, scores, 1);

        Assert.That(metrics["auc"], Is.EqualTo(0.875).Within(1e-12));
    }

    [Test]
    public void Binary_accuracy_and_f1_decide_at_one_half()
    {
        float[] truth = [1, 1, 0, 0];
        float[] probabilities = [0.6f, 0.4f, 0.5f, 0.1f];

        var metrics = MetricsCalculator.Compute(TaskKind.Binary, truth, probabilities, 1);

        Assert.Multiple(() =>
        {
            Assert.That(metrics["accuracy"], Is.EqualTo(0.5).Within(1e-12));
            Assert.That(metrics["f1"], Is.EqualTo(0.5).Within(1e-12));
        });
    }

    [Test]
    public void Log_loss_uses_the_natural_logarithm()
    {
        float[] truth = [1, 0];
        float[] probabilities = [0.5f, 0.5f];

        var metrics = MetricsCalculator.Compute(TaskKind.Binary, truth, probabilities, 1);

        Assert.That(metrics["logloss"], Is.EqualTo(Math.Log(2)).Within(1e-9));
    }

    [Test]
    public void Macro_f1_averages_the_classes_equally()
    {
        // Class 0: 2 right of 2, predicted 3 times (F1 0.8); class 1: 1 right of 2, predicted twice (F1 0.5); class 2: none (F1 0).
        float[] truth = [0, 0, 1, 1, 2];
        float[] probabilities =
        [
            1, 0, 0,
            1, 0, 0,
            0, 1, 0,
            1, 0, 0,
            0, 1, 0,
        ];

        var metrics = MetricsCalculator.Compute(TaskKind.Multiclass, truth, probabilities, 3);

        Assert.Multiple(() =>
        {
            Assert.That(metrics["accuracy"], Is.EqualTo(0.6).Within(1e-12));
            Assert.That(metrics["macro_f1"], Is.EqualTo((0.8 + 0.5 + 0) / 3).Within(1e-9));
        });
    }

    [Test]
    public void A_class_the_model_never_saw_is_always_wrong()
    {
        float[] truth = [0, -1];
        float[] probabilities = [1, 0, 1, 0];

        var metrics = MetricsCalculator.Compute(TaskKind.Multiclass, truth, probabilities, 2);

        Assert.That(metrics["accuracy"], Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Regression_reports_rmse_mae_and_r2()
    {
        float[] truth = [1, 2, 3, 4];
        float[] predicted = [1, 2, 3, 6];

        var metrics = MetricsCalculator.Compute(TaskKind.Regression, truth, predicted, 1);

        Assert.Multiple(() =>
        {
            Assert.That(metrics["rmse"], Is.EqualTo(1).Within(1e-9));
            Assert.That(metrics["mae"], Is.EqualTo(0.5).Within(1e-9));
            Assert.That(metrics["r2"], Is.EqualTo(1 - 4 / 5.0).Within(1e-9));
        });
    }

    [Test]
    public void The_loss_to_minimise_is_the_negated_score_where_higher_is_better()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MetricsCalculator.Loss(MetricKind.Auc, 0.8), Is.EqualTo(-0.8));
            Assert.That(MetricsCalculator.Loss(MetricKind.Rmse, 3), Is.EqualTo(3));
            Assert.That(MetricsCalculator.Loss(MetricKind.Auc, double.NaN), Is.EqualTo(double.PositiveInfinity));
        });
    }
}
