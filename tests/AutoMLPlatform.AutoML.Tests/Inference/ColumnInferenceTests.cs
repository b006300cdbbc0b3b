using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.AutoML.Tests.Inference;

public class ColumnInferenceTests
{
    [Test]
    public void Each_column_gets_a_role_with_a_reason()
    {
        var schema = new DatasetSchema(
        [
            new ColumnProfile("y", ColumnType.Categorical, 0, 2),
            new ColumnProfile("age", ColumnType.Numeric, 5, 60),
            new ColumnProfile("city", ColumnType.Categorical, 0, 12),
            new ColumnProfile("zip", ColumnType.Categorical, 0, 400),
            new ColumnProfile("customer_id", ColumnType.Categorical, 0, 1000),
            new ColumnProfile("country", ColumnType.Categorical, 0, 1),
            new ColumnProfile("notes", ColumnType.Text, 0, 900),
            new ColumnProfile("empty", ColumnType.Categorical, 1000, 0),
        ]);

        var decisions = ColumnInference.Decide(schema, "y", 1000);

        Assert.Multiple(() =>
        {
            Assert.That(decisions.Select(d => d.Role), Is.EqualTo(new[]
            {
                ColumnRole.Label, ColumnRole.Numeric, ColumnRole.Categorical, ColumnRole.HashedCategorical,
                ColumnRole.Ignored, ColumnRole.Ignored, ColumnRole.Text, ColumnRole.Ignored,
            }));
            Assert.That(decisions.Single(d => d.Name == "customer_id").Reason, Does.Contain("identifier"));
            Assert.That(decisions.Single(d => d.Name == "country").Reason, Does.Contain("single value"));
            Assert.That(decisions.Select(d => d.Reason), Has.All.Not.Empty);
        });
    }
}
