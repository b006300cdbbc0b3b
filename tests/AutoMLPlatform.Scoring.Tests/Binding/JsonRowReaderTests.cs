using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.RowTypes;

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

        Assert.That(Fields(row), Is.EqualTo(new object[] { 31f, 1200.5f, "rent", "true" }));
    }

    [Test]
    public void Null_means_missing_even_where_training_had_no_missing_values()
    {
        var row = Bind("""{"Age": null, "Income": null, "Home": null, "Owner": "yes"}""");

        Assert.That(Fields(row), Is.EqualTo(new object[] { float.NaN, float.NaN, "", "true" }));
    }

    [Test]
    public void A_left_out_field_is_missing_where_training_had_missing_values()
    {
        var row = Bind("""{"Age": 1, "Home": "own", "Owner": "N"}""");

        Assert.That((float)Fields(row)[1], Is.NaN);
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

        Assert.That(Fields(row), Is.EqualTo(new object[] { 7f, 5f, "own", "false" }));
    }

    [Test]
    public void A_row_that_is_not_an_object_is_an_error()
    {
        var error = Assert.Throws<InvalidInputException>(() => Bind("[1, 2]", rowIndex: 2));

        Assert.That((error!.ErrorCode, error.Field), Is.EqualTo(("invalid-row", "[2]")));
    }

    /// <summary>Binds through a row target made for a run-time type, as a pooled session does.</summary>
    private static object Bind(string json, int? rowIndex = null)
    {
        var rowType = new RowTypeFactory().Create(Columns);
        var targetType = typeof(TypedRowTarget<>).MakeGenericType(rowType.ClrType);
        var factory = (Delegate)targetType.GetMethod("Factory")!.Invoke(null, [rowType, new InputColumns(Columns)])!;
        var target = (RowTarget)factory.DynamicInvoke()!;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        JsonRowReader.Read(ref reader, target, rowIndex is { } i ? RowLocation.Item(i) : RowLocation.Body);
        target.Commit(); // as a session does just before it predicts

        return targetType.GetProperty("Row")!.GetValue(target)!;
    }

    private static object[] Fields(object row) => row.GetType().GetFields().Select(f => f.GetValue(row)!).ToArray();
}
