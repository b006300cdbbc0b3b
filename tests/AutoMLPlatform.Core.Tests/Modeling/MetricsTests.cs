using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Tests.Modeling;

public class MetricsTests
{
    [TestCase("auc", MetricKind.Auc)]
    [TestCase("MACRO_F1", MetricKind.MacroF1)]
    [TestCase("R2", MetricKind.R2)]
    public void Metric_names_parse_without_regard_to_case(string name, MetricKind expected)
    {
        Assert.That(Metrics.Parse(name, "metric"), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_metric_is_an_input_error_naming_the_field()
    {
        var error = Assert.Throws<InvalidInputException>(() => Metrics.Parse("precision@5", "metric"));

        Assert.That(error!.Field, Is.EqualTo("metric"));
    }

    [Test]
    public void Lower_is_better_for_losses_and_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Metrics.IsBetter(MetricKind.LogLoss, 0.2, 0.3), Is.True);
            Assert.That(Metrics.IsBetter(MetricKind.Rmse, 3, 2), Is.False);
            Assert.That(Metrics.IsBetter(MetricKind.Auc, 0.9, 0.8), Is.True);
        });
    }

    [TestCase(TaskKind.Binary, MetricKind.Auc)]
    [TestCase(TaskKind.Multiclass, MetricKind.LogLoss)]
    [TestCase(TaskKind.Regression, MetricKind.Rmse)]
    public void Each_task_has_its_default_metric(TaskKind task, MetricKind expected)
    {
        Assert.That(Metrics.DefaultFor(task), Is.EqualTo(expected));
    }
}
