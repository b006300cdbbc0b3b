using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Tests.Training;

public class ClassificationMetricsTests
{
    [Test]
    public void Binary_metrics_match_hand_computed_values()
    {
        float[] probabilities = [0.9f, 0.1f, 0.4f, 0.6f, 0.3f, 0.7f, 0.8f, 0.2f, 0.35f, 0.65f];
        int[] labels = [0, 1, 1, 1, 0];

        var metrics = ClassificationMetrics.Compute(probabilities, labels, 2);

        Assert.Multiple(() =>
        {
            Assert.That(metrics["accuracy"], Is.EqualTo(0.6));
            Assert.That(metrics["auc"], Is.EqualTo(4.0 / 6).Within(1e-9), "of the 6 positive-negative pairs, 4 rank the positive higher");
            Assert.That(metrics["f1"], Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(metrics["logloss"], Is.EqualTo(-(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.7) + Math.Log(0.2) + Math.Log(0.35)) / 5).Within(1e-6));
        });
    }

    [Test]
    public void Macro_F1_averages_the_F1_of_every_class()
    {
        float[] probabilities = [1, 0, 0, 0, 1, 0, 0, 1, 0];
        int[] labels = [0, 1, 2];

        var metrics = ClassificationMetrics.Compute(probabilities, labels, 3);

        Assert.That(metrics["macro_f1"], Is.EqualTo((1 + (2.0 / 3) + 0) / 3).Within(1e-9));
    }
}
