using AutoMLPlatform.Core.Splitting;

namespace AutoMLPlatform.Core.Tests.Splitting;

public class StratifiedSplitTests
{
    [Test]
    public void Every_class_gives_its_share_to_validation_and_no_row_is_lost_or_repeated()
    {
        int[] labels = [.. Enumerable.Repeat(0, 80), .. Enumerable.Repeat(1, 20)];

        var (kept, setAside) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.1, seed: 1);

        Assert.Multiple(() =>
        {
            Assert.That(setAside.Count(r => labels[r] == 0), Is.EqualTo(8));
            Assert.That(setAside.Count(r => labels[r] == 1), Is.EqualTo(2));
            Assert.That(kept.Concat(setAside).Order(), Is.EqualTo(Enumerable.Range(0, 100)));
        });
    }

    [Test]
    public void A_class_with_one_row_keeps_it_for_training()
    {
        int[] labels = [0, 0, 0, 0, 1];

        var (kept, _) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.2, seed: 1);

        Assert.That(kept, Does.Contain(4));
    }

    [Test]
    public void Every_class_with_two_rows_or_more_is_in_both_parts()
    {
        int[] labels = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];

        var (kept, setAside) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.1, seed: 3);

        Assert.Multiple(() =>
        {
            Assert.That(kept.Select(r => labels[r]).Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(setAside.Select(r => labels[r]).Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2 }));
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_split()
    {
        var labels = Enumerable.Range(0, 50).Select(i => i % 3).ToArray();
        var first = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.2, 7);

        var second = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.2, 7);

        Assert.Multiple(() =>
        {
            Assert.That(second.SetAside, Is.EqualTo(first.SetAside));
            Assert.That(second.Kept, Is.EqualTo(first.Kept));
        });
    }

    [Test]
    public void Another_seed_sets_other_rows_aside()
    {
        var labels = Enumerable.Range(0, 50).Select(i => i % 3).ToArray();

        var first = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.2, 7);
        var second = StratifiedSplit.Split(StratifiedSplit.ClassesOf(labels), 0.2, 8);

        Assert.That(second.SetAside, Is.Not.EqualTo(first.SetAside));
    }

    [Test]
    public void Class_indexes_in_the_order_of_their_names_set_aside_the_rows_the_names_do()
    {
        // The Torch trainers split by class index (indexes into the ordinally sorted class names), the engine by the
        // names themselves: both must pick the same rows for a seed.
        string[] names = ["a", "b", "c"];
        var indexes = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 2 : i % 2 == 0 ? 0 : 1).ToArray();
        var texts = indexes.Select(i => names[i]).ToArray();

        var byIndex = StratifiedSplit.Split(StratifiedSplit.ClassesOf(indexes), 0.3, 42);
        var byName = StratifiedSplit.Split(StratifiedSplit.ClassesOf(texts, Enumerable.Range(0, 30)), 0.3, 42);

        Assert.That(byIndex.SetAside, Is.EqualTo(byName.SetAside));
    }

    [Test]
    public void Dealt_folds_give_every_fold_its_share_of_each_class()
    {
        var labels = Enumerable.Range(0, 60).Select(i => i % 6 == 0 ? 1 : 0).ToArray();

        var foldOf = StratifiedSplit.DealFolds(StratifiedSplit.ClassesOf(labels), labels.Length, 5, seed: 2);

        Assert.That(Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, 60).Count(r => foldOf[r] == f && labels[r] == 1)), Has.All.EqualTo(2));
    }
}
