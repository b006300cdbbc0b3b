using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Tests.Training;

public class ClassWeightsTests
{
    private static readonly int[] Skewed = [.. Enumerable.Repeat(0, 90), .. Enumerable.Repeat(1, 10)];

    [Test]
    public void Balanced_weights_make_every_class_count_the_same_with_a_mean_row_weight_of_one()
    {
        var weights = ClassWeights.Compute(Skewed, 2, ClassWeighting.Balanced)!;

        Assert.Multiple(() =>
        {
            Assert.That(weights[0] * 90, Is.EqualTo(weights[1] * 10).Within(1e-3));
            Assert.That(((weights[0] * 90) + (weights[1] * 10)) / 100, Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public void Square_root_weights_favour_the_rare_class_less_than_balanced_ones()
    {
        var balanced = ClassWeights.Compute(Skewed, 2, ClassWeighting.Balanced)!;
        var root = ClassWeights.Compute(Skewed, 2, ClassWeighting.SquareRootBalanced)!;

        Assert.That(root[1] / root[0], Is.EqualTo(Math.Sqrt(balanced[1] / balanced[0])).Within(1e-3));
    }

    [Test]
    public void Auto_weighs_strongly_skewed_classes_only()
    {
        int[] mild = [.. Enumerable.Repeat(0, 65), .. Enumerable.Repeat(1, 35)];

        Assert.Multiple(() =>
        {
            Assert.That(ClassWeights.Compute(mild, 2, ClassWeighting.Auto), Is.Null);
            Assert.That(ClassWeights.Compute(Skewed, 2, ClassWeighting.Auto), Is.EqualTo(ClassWeights.Compute(Skewed, 2, ClassWeighting.SquareRootBalanced)));
        });
    }

    [Test]
    public void No_weighting_gives_no_weights()
    {
        Assert.That(ClassWeights.Compute(Skewed, 2, ClassWeighting.None), Is.Null);
    }
}
