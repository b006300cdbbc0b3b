using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Tests.Validation;

public class ValidationPlannerTests
{
    private static StringColumn Label(int rows) => new("y", ColumnType.Categorical, Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "a" : "b").ToArray());

    [Test]
    public void A_small_table_is_cross_validated_and_says_so()
    {
        var plan = ValidationPlanner.Plan(Label(2_000), TaskKind.Binary, ValidationKind.Auto, 5, 0.2, seed: 1);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Kind, Is.EqualTo(ValidationKind.KFold));
            Assert.That(plan.Folds, Has.Count.EqualTo(5));
            Assert.That(plan.Description, Does.StartWith("5-fold cross-validation"));
        });
    }

    [Test]
    public void A_large_table_gets_one_holdout_and_says_so()
    {
        var plan = ValidationPlanner.Plan(Label(ValidationPlanner.KFoldMaxRows), TaskKind.Binary, ValidationKind.Auto, 5, 0.2, seed: 1);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Kind, Is.EqualTo(ValidationKind.Holdout));
            Assert.That(plan.Folds, Has.Count.EqualTo(1));
            Assert.That(plan.Folds[0].Validation, Has.Length.EqualTo(2_000));
            Assert.That(plan.Description, Does.StartWith("holdout"));
        });
    }

    [TestCase(TaskKind.Binary, 2, 4_000, ValidationKind.KFold)]
    [TestCase(TaskKind.Binary, 2, 9_000, ValidationKind.KFold)]
    [TestCase(TaskKind.Multiclass, 3, 6_000, ValidationKind.KFold)]
    [TestCase(TaskKind.Multiclass, 6, 3_000, ValidationKind.KFold)]
    [TestCase(TaskKind.Multiclass, 6, 9_559, ValidationKind.Holdout)]
    [TestCase(TaskKind.Regression, 1, 9_000, ValidationKind.KFold)]
    [TestCase(TaskKind.Binary, 2, ValidationPlanner.TextKFoldMaxWork, ValidationKind.Holdout)]
    public void With_free_text_k_fold_stops_where_rows_times_weight_vectors_reach_the_text_limit(TaskKind task, int classes, int rows, ValidationKind expected)
    {
        var plan = ValidationPlanner.Plan(Label(rows), task, ValidationKind.Auto, 5, 0.2, seed: 1, freeText: true, classes: classes);
        var withoutText = ValidationPlanner.Plan(Label(rows), task, ValidationKind.Auto, 5, 0.2, seed: 1, classes: classes);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Kind, Is.EqualTo(expected));
            Assert.That(withoutText.Kind, Is.EqualTo(rows < ValidationPlanner.KFoldMaxRows ? ValidationKind.KFold : ValidationKind.Holdout));
        });
    }

    [Test]
    public void An_explicit_choice_overrides_the_automatic_one()
    {
        var plan = ValidationPlanner.Plan(Label(300), TaskKind.Binary, ValidationKind.Holdout, 5, 0.2, seed: 1);

        Assert.That(plan.Kind, Is.EqualTo(ValidationKind.Holdout));
    }
}
