using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;

namespace AutoMLPlatform.Scoring.Tests.Binding;

public class JsonRowReaderTests
{
    private static readonly ModelInputColumn[] Columns =
    [
        new("Age", ColumnType.Numeric, AllowMissing: false),
        new("Income", ColumnType.Numeric, AllowMissing: true),
        new("Home", ColumnType.Categorical, AllowMissing: false),
        new("Owner", ColumnType.Boolean, AllowMissing: false),
    ];

    [Test]
    public void Values_bind_by_name_without_regard_to_case()
    {
        var row = Bind("""{"age": 31, "INCOME": "1200.5", "home": " rent ", "owner": true, "extra": [1, 2]}""");

        Assert.That(row, Is.EqualTo(new object[] { 31f, 1200.5f, "rent", "true" }));
    }

    [Test]
    public void Null_means_missing_even_where_training_had_no_missing_values()
    {
        var row = Bind("""{"Age": null, "Income": null, "Home": null, "Owner": "yes"}""");

        Assert.That(row, Is.EqualTo(new object[] { float.NaN, float.NaN, "", "true" }));
    }

    [Test]
    public void A_left_out_field_is_missing_where_training_had_missing_values()
    {
        var row = Bind("""{"Age": 1, "Home": "own", "Owner": "N"}""");

        Assert.That((float)row[1], Is.NaN);
    }

    [Test]
    public void A_left_out_field_the_model_always_saw_is_an_error_naming_it()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind("""{"Age": 1, "Owner": "N"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("missing-column"));
            Assert.That(error.Field, Is.EqualTo("Home"));
        });
    }

    [TestCase("""{"Age": "old", "Home": "own", "Owner": "N"}""")]
    [TestCase("""{"Age": {"years": 3}, "Home": "own", "Owner": "N"}""")]
    public void A_value_of_the_wrong_type_is_an_error_naming_the_field(string json)
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind(json));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("wrong-type"));
            Assert.That(error.Field, Is.EqualTo("Age"));
        });
    }

    [Test]
    public void An_error_in_a_batch_names_the_row()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind("""{"Age": "x", "Home": "own", "Owner": "N"}""", rowIndex: 4));

        Assert.That(error!.Field, Is.EqualTo("[4].Age"));
    }

    [Test]
    public void A_field_sent_in_another_order_or_case_still_binds_to_its_column()
    {
        var row = Bind("""{"OWNER": "n", "home": "own", "income": 5, "AGE": "7"}""");

        Assert.That(row, Is.EqualTo(new object[] { 7f, 5f, "own", "false" }));
    }

    [Test]
    public void Fields_that_differ_only_in_case_bind_each_to_the_column_with_their_exact_name()
    {
        var row = Bind("""{"Sc.Var.maxis": 2, "Sc.Var.Maxis": 1, "a b [c]": "x", "größe": 3}""", CaseColumns);

        Assert.That(row, Is.EqualTo(new object[] { 1f, 2f, "x", 3f }));
    }

    [Test]
    public void A_field_matching_two_columns_only_ignoring_case_is_an_error_naming_both()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind("""{"sc.var.maxis": 2, "Sc.Var.Maxis": 1, "a b [c]": "x", "größe": 3}""", CaseColumns));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("ambiguous-field"));
            Assert.That(error.Field, Is.EqualTo("sc.var.maxis"));
            Assert.That(error.Message, Does.Contain("'Sc.Var.Maxis' and 'Sc.Var.maxis'"));
        });
    }

    [TestCase("""{"home": "rent", "Home": "own", "Age": 1, "Owner": "N"}""")]
    [TestCase("""{"Home": "own", "home": "rent", "Age": 1, "Owner": "N"}""")]
    public void A_field_matching_a_column_only_ignoring_case_gives_way_to_the_field_with_its_exact_name(string json)
    {
        var row = Bind(json);

        Assert.That(row[2], Is.EqualTo("own"));
    }

    [TestCase("""{"Age": 1, "Age": 2, "Home": "own", "Owner": "N"}""", "Age")]
    [TestCase("""{"age": 1, "AGE": 2, "Home": "own", "Owner": "N"}""", "AGE")]
    public void A_column_given_twice_by_the_same_rule_is_an_error(string json, string field)
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind(json));

        Assert.That((error!.ErrorCode, error.Field), Is.EqualTo(("duplicate-field", field)));
    }

    [Test]
    public void A_row_that_is_not_an_object_is_an_error()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind("[1, 2]", rowIndex: 2));

        Assert.That((error!.ErrorCode, error.Field), Is.EqualTo(("invalid-row", "[2]")));
    }

    /// <summary>Columns whose names differ only in case, or hold dots, spaces, brackets and non-ASCII letters.</summary>
    private static readonly ModelInputColumn[] CaseColumns =
    [
        new("Sc.Var.Maxis", ColumnType.Numeric, AllowMissing: false),
        new("Sc.Var.maxis", ColumnType.Numeric, AllowMissing: false),
        new("a b [c]", ColumnType.Categorical, AllowMissing: false),
        new("größe", ColumnType.Numeric, AllowMissing: false),
    ];

    private static object[] Bind(string json, int? rowIndex = null) => Bind(json, Columns, rowIndex);

    /// <summary>Binds through a row target made for a run-time type, as a pooled session does, and returns the row's fields.</summary>
    private static object[] Bind(string json, ModelInputColumn[] columns, int? rowIndex = null)
    {
        var target = RowTargets.For(columns);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        JsonRowReader.Read(ref reader, target, rowIndex is { } i ? RowLocation.Item(i) : RowLocation.Body);

        return RowTargets.Committed(target);
    }
}
