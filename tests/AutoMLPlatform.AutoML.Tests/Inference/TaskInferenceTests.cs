using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Tests.Inference;

public class TaskInferenceTests
{
    [TestCase(ColumnType.Categorical, 2, TaskKind.Binary)]
    [TestCase(ColumnType.Numeric, 2, TaskKind.Binary)]
    [TestCase(ColumnType.Categorical, 3, TaskKind.Multiclass)]
    [TestCase(ColumnType.Numeric, 300, TaskKind.Regression)]
    public void The_task_follows_from_the_label(ColumnType type, int distinct, TaskKind expected)
    {
        var (task, reason) = TaskInference.Resolve(new ColumnProfile("y", type, 0, distinct), null, 1000);

        Assert.Multiple(() =>
        {
            Assert.That(task, Is.EqualTo(expected));
            Assert.That(reason, Is.Not.Empty);
        });
    }

    [Test]
    public void A_label_with_one_value_cannot_be_learned()
    {
        var error = Assert.Throws<UnprocessableException>(() => TaskInference.Resolve(new ColumnProfile("y", ColumnType.Categorical, 0, 1), null, 100));

        Assert.That(error!.ErrorCode, Is.EqualTo("label-single-value"));
    }

    [Test]
    public void Regression_on_a_text_label_is_refused()
    {
        Assert.Throws<UnprocessableException>(() => TaskInference.Resolve(new ColumnProfile("y", ColumnType.Categorical, 0, 5), TaskKind.Regression, 100));
    }

    [Test]
    public void Binary_on_a_three_class_label_is_refused()
    {
        Assert.Throws<UnprocessableException>(() => TaskInference.Resolve(new ColumnProfile("y", ColumnType.Categorical, 0, 3), TaskKind.Binary, 100));
    }
}
