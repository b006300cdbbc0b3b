using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.Tests.RowTypes;

public class RowTypeFactoryTests
{
    [Test]
    public void Every_column_type_gets_a_field_numbers_as_float_and_the_rest_as_string()
    {
        var columns = Enum.GetValues<ColumnType>().Select(t => new ModelInputColumn($"col {t}", t, true)).ToArray();

        var rowType = new RowTypeFactory().Create(columns);

        Assert.That(rowType.ClrType.GetFields().Select(f => f.FieldType), Is.EqualTo(columns.Select(c => c.Type == ColumnType.Numeric ? typeof(float) : typeof(string))));
    }

    [Test]
    public void The_schema_definition_carries_column_names_that_are_not_identifiers()
    {
        var rowType = new RowTypeFactory().Create([new ModelInputColumn("x.box", ColumnType.Numeric, false), new ModelInputColumn("home type", ColumnType.Categorical, false)]);
        var empty = Array.CreateInstance(rowType.ClrType, 0);

        var view = LoadFromEnumerable(rowType, empty);

        Assert.Multiple(() =>
        {
            Assert.That(view.Schema["x.box"].Type, Is.EqualTo(NumberDataViewType.Single));
            Assert.That(view.Schema["home type"].Type, Is.EqualTo(TextDataViewType.Instance));
        });
    }

    [Test]
    public void Two_models_get_two_distinct_types()
    {
        var factory = new RowTypeFactory();
        ModelInputColumn[] columns = [new("a", ColumnType.Numeric, false)];

        var first = factory.Create(columns).ClrType;
        var second = factory.Create(columns).ClrType;

        Assert.That(second, Is.Not.EqualTo(first));
    }

    private static IDataView LoadFromEnumerable(RowType rowType, Array rows)
    {
        var method = typeof(DataOperationsCatalog).GetMethods().Single(m => m.Name == nameof(DataOperationsCatalog.LoadFromEnumerable) && m.GetParameters()[1].ParameterType == typeof(SchemaDefinition));
        return (IDataView)method.MakeGenericMethod(rowType.ClrType).Invoke(new MLContext().Data, [rows, rowType.Schema])!;
    }
}
