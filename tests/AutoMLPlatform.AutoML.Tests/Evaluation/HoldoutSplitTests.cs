using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.AutoML.Tests.Evaluation;

public class HoldoutSplitTests
{
    [Test]
    public async Task The_same_spec_over_the_same_rows_holds_out_the_same_rows()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(200));

        var (_, first) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.2, 5));
        var (_, second) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.2, 5));

        Assert.That(((NumericColumn)second["x1"]).Values, Is.EqualTo(((NumericColumn)first["x1"]).Values));
    }

    [Test]
    public async Task Training_and_held_out_rows_are_disjoint_and_together_are_every_row()
    {
        var (table, schema) = await TestTables.LoadAsync(TestTables.BinaryCsv(200));

        var (training, holdout) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.2, 5));
        var trainingRows = ((NumericColumn)training["x1"]).Values.Zip(((NumericColumn)training["x2"]).Values).ToHashSet();
        var heldRows = ((NumericColumn)holdout["x1"]).Values.Zip(((NumericColumn)holdout["x2"]).Values).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(holdout.RowCount, Is.EqualTo(40));
            Assert.That(training.RowCount + holdout.RowCount, Is.EqualTo(200));
            Assert.That(trainingRows.Overlaps(heldRows), Is.False);
        });
    }

    [Test]
    public async Task Each_class_is_held_out_in_proportion()
    {
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},{(i < 90 ? "common" : "rare")}\n"));
        var (table, schema) = await TestTables.LoadAsync(csv);

        var (_, holdout) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.2, 1));

        Assert.That(((StringColumn)holdout["y"]).Values.Count(v => v == "rare"), Is.EqualTo(2));
    }

    [Test]
    public async Task Rows_without_a_label_are_never_held_out()
    {
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},{(i % 4 == 0 ? "" : i % 2 == 0 ? "a" : "b")}\n"));
        var (table, schema) = await TestTables.LoadAsync(csv);

        var (_, holdout) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.5, 1));

        Assert.That(((StringColumn)holdout["y"]).Values, Has.None.Empty);
    }

    [Test]
    public async Task A_seed_holds_out_the_rows_it_held_out_before_the_split_moved_to_core()
    {
        // Pinned from the holdout's own split before it became Core's StratifiedSplit: a retraining run's trainer and
        // evaluator, and runs stored before the move, must agree on the held-out rows.
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i},{(i % 5 == 0 ? "" : i % 3 == 0 ? "a" : "b")}\n"));
        var (table, schema) = await TestTables.LoadAsync(csv);

        var (_, holdout) = HoldoutSplit.Split(table, schema, "y", null, new HoldoutSpec(0.25, 42));

        Assert.That(((NumericColumn)holdout["x"]).Values, Is.EqualTo(PinnedHeldOut));
    }

    private static readonly float[] PinnedHeldOut = [6, 7, 13, 16, 21, 23];
}
