using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Tests.Validation;

public class DataSplitterTests
{
    [Test]
    public void A_classification_split_keeps_each_class_share_in_validation()
    {
        var label = new StringColumn("y", ColumnType.Categorical, [.. Enumerable.Repeat("a", 90), .. Enumerable.Repeat("b", 10)]);

        var (train, validation) = DataSplitter.Split(label, TaskKind.Binary, 0.2, seed: 1);

        Assert.Multiple(() =>
        {
            Assert.That(validation.Count(i => label.Values[i] == "b"), Is.EqualTo(2));
            Assert.That(validation.Count(i => label.Values[i] == "a"), Is.EqualTo(18));
            Assert.That(train.Concat(validation).Order(), Is.EqualTo(Enumerable.Range(0, 100)));
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_split()
    {
        var label = new NumericColumn("y", Enumerable.Range(0, 50).Select(i => (float)i).ToArray());

        var first = DataSplitter.Split(label, TaskKind.Regression, 0.2, seed: 5);
        var second = DataSplitter.Split(label, TaskKind.Regression, 0.2, seed: 5);

        Assert.That(second.Validation, Is.EqualTo(first.Validation));
    }

    [Test]
    public void A_seed_picks_the_rows_it_picked_before_the_split_moved_to_core()
    {
        // Pinned from the engine's own split before it became Core's StratifiedSplit: model-quality benchmarks and
        // stored results compare runs by seed, so the rows a seed picks are part of the contract.
        var label = new StringColumn("y", ColumnType.Categorical, Enumerable.Range(0, 30).Select(i => (i % 3 == 0 ? "c" : i % 2 == 0 ? "a" : "b")).ToArray());

        var (_, validation) = DataSplitter.Split(label, TaskKind.Multiclass, 0.3, seed: 42);

        Assert.That(validation, Is.EqualTo(PinnedValidation));
    }

    private static readonly int[] PinnedValidation = [8, 10, 11, 13, 15, 18, 20, 23, 24];
}
