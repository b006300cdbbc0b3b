using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Tests.Data;

public class LabelEncodingBuilderTests
{
    [Test]
    public void Yes_is_the_positive_class_of_a_yes_no_label_whatever_its_frequency()
    {
        var label = new StringColumn("y", ColumnType.Boolean, ["yes", "yes", "yes", "no"]);

        var encoding = LabelEncodingBuilder.Build(label, TaskKind.Binary);

        Assert.That(encoding.Classes, Is.EqualTo(new[] { "no", "yes" }));
    }

    [Test]
    public void The_rarer_class_is_positive_when_no_natural_order_exists()
    {
        var label = new StringColumn("y", ColumnType.Categorical, ["good", "good", "good", "bad"]);

        var encoding = LabelEncodingBuilder.Build(label, TaskKind.Binary);

        Assert.That(encoding.PositiveClass, Is.EqualTo("bad"));
    }

    [Test]
    public void Multiclass_classes_are_sorted_and_numeric_labels_become_class_names()
    {
        var label = new NumericColumn("digit", [3f, 1f, 2f, 1f, float.NaN]);

        var encoding = LabelEncodingBuilder.Build(label, TaskKind.Multiclass);

        Assert.That(encoding.Classes, Is.EqualTo(new[] { "1", "2", "3" }));
    }
}
