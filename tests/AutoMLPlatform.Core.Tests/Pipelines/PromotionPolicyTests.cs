using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Core.Tests.Pipelines;

public class PromotionPolicyTests
{
    [TestCase(true, 0.90, 0.85, 0.05)]
    [TestCase(true, 0.80, 0.85, -0.05)]
    [TestCase(false, 0.30, 0.40, 0.10)]
    [TestCase(false, 0.50, 0.40, -0.10)]
    public void The_absolute_improvement_is_positive_when_the_challenger_is_better_whichever_way_the_metric_points(
        bool higherIsBetter, double challenger, double champion, double expected)
    {
        var policy = new PromotionPolicy(0, ImprovementKind.Absolute, 0.2, 0, TimeSpan.Zero);

        Assert.That(policy.ImprovementOf(higherIsBetter, challenger, champion), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void The_relative_improvement_is_a_share_of_the_champions_score()
    {
        var policy = new PromotionPolicy(0, ImprovementKind.Relative, 0.2, 0, TimeSpan.Zero);

        Assert.That(policy.ImprovementOf(false, 0.3, 0.4), Is.EqualTo(0.25).Within(1e-12));
    }

    [TestCase(0.0, 0.0, false)]
    [TestCase(0.0, 0.001, true)]
    [TestCase(0.01, 0.0099, false)]
    [TestCase(0.01, 0.01, true)]
    [TestCase(0.01, -0.5, false)]
    public void A_challenger_is_promoted_only_when_strictly_better_and_by_at_least_the_margin(double margin, double improvement, bool promotes)
    {
        var policy = new PromotionPolicy(margin, ImprovementKind.Absolute, 0.2, 0, TimeSpan.Zero);

        Assert.That(policy.Promotes(improvement), Is.EqualTo(promotes));
    }
}
