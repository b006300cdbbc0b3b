using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Tests.Validation;

public class FoldSplitterTests
{
    private static readonly StringColumn ImbalancedLabel =
        new("y", ColumnType.Categorical, Enumerable.Range(0, 500).Select(i => i % 10 == 0 ? "rare" : "common").ToArray());

    [Test]
    public void Every_row_is_validated_exactly_once()
    {
        var folds = FoldSplitter.KFold(ImbalancedLabel, TaskKind.Binary, 5, seed: 1);

        Assert.That(folds.SelectMany(f => f.Validation).Order(), Is.EqualTo(Enumerable.Range(0, 500)));
    }

    [Test]
    public void A_fold_trains_on_every_row_it_does_not_validate()
    {
        var folds = FoldSplitter.KFold(ImbalancedLabel, TaskKind.Binary, 5, seed: 1);

        Assert.That(folds.Select(f => f.Train.Concat(f.Validation).Order()), Has.All.EqualTo(Enumerable.Range(0, 500)));
    }

    [Test]
    public void Each_fold_keeps_the_share_of_a_rare_class()
    {
        var folds = FoldSplitter.KFold(ImbalancedLabel, TaskKind.Binary, 5, seed: 1);

        Assert.That(folds.Select(f => f.Validation.Count(r => ImbalancedLabel.Values[r] == "rare")), Has.All.EqualTo(10));
    }

    [Test]
    public void Regression_folds_each_span_the_label_range()
    {
        var label = new NumericColumn("y", Enumerable.Range(0, 100).Select(i => (float)i).ToArray());

        var folds = FoldSplitter.KFold(label, TaskKind.Regression, 5, seed: 3);

        Assert.Multiple(() =>
        {
            Assert.That(folds.Select(f => f.Validation.Min()), Has.All.LessThan(5));
            Assert.That(folds.Select(f => f.Validation.Max()), Has.All.GreaterThanOrEqualTo(95));
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_folds()
    {
        var first = FoldSplitter.KFold(ImbalancedLabel, TaskKind.Binary, 5, seed: 7);
        var second = FoldSplitter.KFold(ImbalancedLabel, TaskKind.Binary, 5, seed: 7);

        Assert.That(second.Select(f => f.Validation), Is.EqualTo(first.Select(f => f.Validation)));
    }

    [Test]
    public void A_seed_deals_the_folds_it_dealt_before_the_split_moved_to_core()
    {
        // Pinned from the engine's own folds before the dealing became Core's StratifiedSplit (see DataSplitterTests).
        var label = new StringColumn("y", ColumnType.Categorical, Enumerable.Range(0, 20).Select(i => i % 4 == 0 ? "rare" : "common").ToArray());

        var folds = FoldSplitter.KFold(label, TaskKind.Binary, 3, seed: 42);

        Assert.That(folds.Select(f => f.Validation), Is.EqualTo(PinnedFolds));
    }

    private static readonly int[][] PinnedFolds = [[0, 4, 11, 13, 14, 17, 18], [1, 3, 6, 7, 8, 15, 16], [2, 5, 9, 10, 12, 19]];
}
