using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.AutoML.Tests.Inference;

public class ColumnInferenceTests
{
    [Test]
    public void Personal_data_is_dropped_unless_marked_for_hashing_whatever_its_cardinality()
    {
        var email = new SensitiveColumn(SensitiveKind.Email, "E-mail addresses in at least 80 % of its values.", SensitiveHandling.Drop);
        var schema = new DatasetSchema(
        [
            new ColumnProfile("y", ColumnType.Categorical, 0, 2),
            new ColumnProfile("email", ColumnType.Categorical, 0, 5, Sensitive: email),
            new ColumnProfile("phone", ColumnType.Categorical, 0, 900, Sensitive: email with { Kind = SensitiveKind.Phone, Handling = SensitiveHandling.Hash }),
            new ColumnProfile("age", ColumnType.Numeric, 0, 60),
        ]);

        var decisions = ColumnInference.Decide(schema, "y", 1000).ToDictionary(d => d.Name);

        Assert.Multiple(() =>
        {
            Assert.That(decisions["email"].Role, Is.EqualTo(ColumnRole.Ignored), "five distinct values would otherwise be one-hot encoded");
            Assert.That(decisions["email"].Reason, Does.StartWith("Personal data (E-mail addresses"));
            Assert.That(decisions["phone"].Role, Is.EqualTo(ColumnRole.HashedCategorical));
            Assert.That(decisions["age"].Role, Is.EqualTo(ColumnRole.Numeric));
        });
    }

    [Test]
    public void A_column_marked_for_hashing_is_a_category_of_keyed_hashes_one_hot_encoded_when_few()
    {
        var phone = new SensitiveColumn(SensitiveKind.Phone, "Telephone numbers.", SensitiveHandling.Hash);
        var schema = new DatasetSchema([new ColumnProfile("y", ColumnType.Categorical, 0, 2), new ColumnProfile("phone", ColumnType.Categorical, 0, 10, Sensitive: phone)]);

        var decision = ColumnInference.Decide(schema, "y", 1000).Single(d => d.Name == "phone");

        Assert.Multiple(() =>
        {
            Assert.That(decision.Role, Is.EqualTo(ColumnRole.Categorical));
            Assert.That(decision.Reason, Does.Contain("HMAC-SHA256 under the tenant's key").And.Contain("10 hashes are one-hot encoded"));
        });
    }

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

    [Test]
    public void Consecutive_whole_numbers_one_per_row_are_ignored_as_a_row_number()
    {
        var schema = new DatasetSchema([new ColumnProfile("row", ColumnType.Numeric, 0, 500, Numeric: new NumericSummary(1, 500, 250.5))]);

        var decision = ColumnInference.Decide(schema, "y", 500).Single();

        Assert.Multiple(() =>
        {
            Assert.That(decision.Role, Is.EqualTo(ColumnRole.Ignored));
            Assert.That(decision.Reason, Does.Contain("row number"));
        });
    }

    [TestCase("id")]
    [TestCase("customer_id")]
    [TestCase("CustomerId")]
    [TestCase("order-key")]
    public void A_numeric_column_named_like_an_identifier_with_distinct_values_is_ignored(string name)
    {
        var schema = new DatasetSchema([new ColumnProfile(name, ColumnType.Numeric, 0, 480, Numeric: new NumericSummary(3, 99_000, 40_000))]);

        var decision = ColumnInference.Decide(schema, "y", 500).Single();

        Assert.That(decision.Role, Is.EqualTo(ColumnRole.Ignored));
    }

    [TestCase("paid")]
    [TestCase("valid")]
    [TestCase("width")]
    public void A_numeric_column_whose_name_only_ends_in_the_letters_id_is_kept(string name)
    {
        var schema = new DatasetSchema([new ColumnProfile(name, ColumnType.Numeric, 0, 480, Numeric: new NumericSummary(3, 99_000, 40_000))]);

        var decision = ColumnInference.Decide(schema, "y", 500).Single();

        Assert.That(decision.Role, Is.EqualTo(ColumnRole.Numeric));
    }

    [Test]
    public void Dates_text_and_images_get_their_own_roles()
    {
        var schema = new DatasetSchema(
        [
            new ColumnProfile("when", ColumnType.DateTime, 0, 300),
            new ColumnProfile("review", ColumnType.Text, 0, 480),
            new ColumnProfile("photo", ColumnType.Image, 0, 500),
        ]);

        var roles = ColumnInference.Decide(schema, "y", 500).Select(d => d.Role);

        Assert.That(roles, Is.EqualTo(new[] { ColumnRole.DateTime, ColumnRole.Text, ColumnRole.Image }));
    }

    [Test]
    public void A_single_value_that_is_sometimes_missing_is_kept_for_its_presence()
    {
        var schema = new DatasetSchema([new ColumnProfile("garage", ColumnType.Categorical, 120, 1)]);

        var decision = ColumnInference.Decide(schema, "y", 500).Single();

        Assert.Multiple(() =>
        {
            Assert.That(decision.Role, Is.EqualTo(ColumnRole.Categorical));
            Assert.That(decision.Reason, Does.Contain("present"));
        });
    }
}
