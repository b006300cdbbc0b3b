using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Torch.Tests.Training;

public class StratifiedSplitTests
{
    [Test]
    public void Every_class_gives_its_share_to_validation_and_no_row_is_lost_or_repeated()
    {
        int[] labels = [.. Enumerable.Repeat(0, 80), .. Enumerable.Repeat(1, 20)];

        var (train, validation) = StratifiedSplit.Split(labels, 0.1, seed: 1);

        Assert.Multiple(() =>
        {
            Assert.That(validation.Count(r => labels[r] == 0), Is.EqualTo(8));
            Assert.That(validation.Count(r => labels[r] == 1), Is.EqualTo(2));
            Assert.That(train.Concat(validation).Order(), Is.EqualTo(Enumerable.Range(0, 100)));
        });
    }

    [Test]
    public void A_class_with_one_row_keeps_it_for_training()
    {
        int[] labels = [0, 0, 0, 0, 1];

        var (train, _) = StratifiedSplit.Split(labels, 0.2, seed: 1);

        Assert.That(train, Does.Contain(4));
    }

    [Test]
    public void The_same_seed_gives_the_same_split()
    {
        var labels = Enumerable.Range(0, 50).Select(i => i % 3).ToArray();
        var first = StratifiedSplit.Split(labels, 0.2, 7).Validation;

        var second = StratifiedSplit.Split(labels, 0.2, 7).Validation;

        Assert.That(second, Is.EqualTo(first));
    }
}
