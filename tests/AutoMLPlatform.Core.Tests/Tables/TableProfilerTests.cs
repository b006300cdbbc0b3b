using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Core.Tests.Tables;

public class TableProfilerTests
{
    [Test]
    public async Task Column_types_are_inferred_from_their_values()
    {
        var csv = "n,flag,color,when,review\n" +
                  string.Concat(Enumerable.Range(0, 30).Select(i =>
                      $"{i * 1.5},{(i % 2 == 0 ? "yes" : "No")},{(i % 3 == 0 ? "red" : "blue")},2024-01-{i % 28 + 1:00},\"this product number {i} was really quite good\"\n"));

        var profile = await TableProfiler.ProfileAsync(TestTables.Utf8(csv), ',', CancellationToken.None);

        Assert.That(profile.Schema.Columns.Select(c => c.Type), Is.EqualTo(new[]
        {
            ColumnType.Numeric, ColumnType.Boolean, ColumnType.Categorical, ColumnType.DateTime, ColumnType.Text,
        }));
    }

    [Test]
    public async Task Missing_and_distinct_values_are_counted_per_column()
    {
        var profile = await TableProfiler.ProfileAsync(TestTables.Utf8("a,b\n1,x\n,x\n3,\n1,y\n"), ',', CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(profile.RowCount, Is.EqualTo(4));
            Assert.That(profile.Schema.Columns[0], Is.EqualTo(new ColumnProfile("a", ColumnType.Numeric, 1, 2, false, new NumericSummary(1, 3, 5.0 / 3))));
            Assert.That(profile.Schema.Columns[1].MissingCount, Is.EqualTo(1));
            Assert.That(profile.Schema.Columns[1].DistinctCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_number_column_with_one_word_in_it_becomes_categorical()
    {
        var profile = await TableProfiler.ProfileAsync(TestTables.Utf8("a\n1\n2\nthree\n"), ',', CancellationToken.None);

        Assert.That(profile.Schema.Columns[0].Type, Is.EqualTo(ColumnType.Categorical));
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => TableProfiler.ProfileAsync(TestTables.Utf8(""), ',', CancellationToken.None));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.Empty));
    }

    [Test]
    public void A_header_without_rows_is_refused()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => TableProfiler.ProfileAsync(TestTables.Utf8("a,b\n"), ',', CancellationToken.None));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.HeaderOnly));
    }

    [Test]
    public void A_ragged_row_is_refused_with_its_line()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => TableProfiler.ProfileAsync(TestTables.Utf8("a,b\n1,2\n3\n"), ',', CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.RaggedRow));
            Assert.That(error.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_header_that_pandas_reads_profiles_with_the_names_pandas_gives()
    {
        const string csv = "Sc.Var.Maxis,Sc.Var.maxis,,a b [c],größe,a b [c]\n1,2,3,x,5,y\n";

        var profile = await TableProfiler.ProfileAsync(TestTables.Utf8(csv), ',', CancellationToken.None);

        Assert.That(profile.Schema.Columns.Select(c => c.Name),
            Is.EqualTo(new[] { "Sc.Var.Maxis", "Sc.Var.maxis", "Unnamed: 2", "a b [c]", "größe", "a b [c].1" }));
    }

    [Test]
    public void A_table_of_a_million_columns_is_refused_at_the_column_limit()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => TableProfiler.ProfileAsync(new MemoryStream(HostileInputs.WideCsv(1_000_000)), ',', CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.TooManyColumns));
            Assert.That(error.Line, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_column_limit_is_the_limits_field_count()
    {
        var limits = new CsvLimits { MaxFields = 2 };

        var narrow = await TableProfiler.ProfileAsync(TestTables.Utf8("a,b\n1,2\n"), ',', [], limits, CancellationToken.None);
        var error = Assert.ThrowsAsync<CsvFormatException>(() => TableProfiler.ProfileAsync(TestTables.Utf8("a,b,c\n1,2,3\n"), ',', [], limits, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(narrow.Schema.Columns, Has.Count.EqualTo(2));
            Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.TooManyColumns));
        });
    }

    [Test]
    public async Task The_shared_credit_table_profiles_with_its_missing_values()
    {
        await using var file = File.OpenRead(RepositoryPaths.SharedDataset("credit", "train.csv"));

        var profile = await TableProfiler.ProfileAsync(file, ',', CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(profile.RowCount, Is.EqualTo(3563));
            Assert.That(profile.Schema.Find("Status")!.Type, Is.EqualTo(ColumnType.Categorical));
            Assert.That(profile.Schema.Find("Records")!.Type, Is.EqualTo(ColumnType.Boolean));
            Assert.That(profile.Schema.Columns.Sum(c => c.MissingCount), Is.GreaterThan(0));
        });
    }
}
