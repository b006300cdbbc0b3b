using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Core.Tests.Tables;

public class TableLoaderTests
{
    [Test]
    public async Task Columns_load_typed_with_missing_as_nan_or_empty_and_text_as_written()
    {
        var (table, _) = await TestTables.LoadAsync("n,flag,c\n1.5,Yes,a\n,no,\n");

        Assert.Multiple(() =>
        {
            Assert.That(((NumericColumn)table["n"]).Values, Is.EqualTo(new[] { 1.5f, float.NaN }));
            Assert.That(((StringColumn)table["flag"]).Values, Is.EqualTo(new[] { "Yes", "no" }));
            Assert.That(((StringColumn)table["c"]).Values, Is.EqualTo(new[] { "a", "" }));
        });
    }

    [Test]
    public async Task Columns_whose_names_differ_only_in_case_or_repeat_load_each_with_its_own_values()
    {
        var (table, _) = await TestTables.LoadAsync("k,K,k\n1,2,3\n");

        Assert.That(table.Columns.Select(c => (c.Name, ((NumericColumn)c).Values[0])), Is.EqualTo(new[] { ("k", 1f), ("K", 2f), ("k.1", 3f) }));
    }

    [Test]
    public async Task Select_keeps_the_rows_asked_for_in_that_order()
    {
        var (table, _) = await TestTables.LoadAsync("n\n10\n20\n30\n");

        var selected = table.Select([2, 0]);

        Assert.That(((NumericColumn)selected["n"]).Values, Is.EqualTo(new[] { 30f, 10f }));
    }
}
