using System.Text;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Core.Tests.Tables;

public class CsvReaderTests
{
    [Test]
    public async Task Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        var records = await ReadAllAsync("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n");

        Assert.That(records, Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "x, y", "say \"hi\"\nthere" } }));
    }

    [Test]
    public async Task Crlf_line_ends_and_a_missing_final_newline_read_like_lf()
    {
        var records = await ReadAllAsync("a,b\r\n1,2\r\n3,4");

        Assert.That(records, Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "1", "2" }, new[] { "3", "4" } }));
    }

    [Test]
    public async Task Empty_fields_and_blank_lines_are_read_as_empty_and_skipped()
    {
        var records = await ReadAllAsync("a,b,c\n\n1,,3\n,,\n\n");

        Assert.That(records, Is.EqualTo(new[] { new[] { "a", "b", "c" }, new[] { "1", "", "3" }, new[] { "", "", "" } }));
    }

    [Test]
    public async Task A_utf8_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name\nJosé\n")).ToArray();

        var records = await ReadAllAsync(bytes);

        Assert.That(records[0][0], Is.EqualTo("name"));
    }

    [Test]
    public async Task Tab_delimited_text_splits_on_tabs_only()
    {
        var records = await ReadAllAsync("a\tb\n1,5\t2\n", '\t');

        Assert.That(records[1], Is.EqualTo(new[] { "1,5", "2" }));
    }

    [Test]
    public void An_unterminated_quote_is_refused_with_the_line_it_opened_on()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n1,2\n3,\"open\n4,5\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.BadQuoting));
            Assert.That(error.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void A_quote_inside_an_unquoted_field_is_refused()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n5'11\",2\n"));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.BadQuoting));
    }

    [Test]
    public void Text_after_a_closing_quote_is_refused()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n\"x\"y,2\n"));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.BadQuoting));
    }

    [Test]
    public void Latin1_bytes_are_refused_as_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes("name\nJos\u00e9\n");

        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(bytes));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.NotUtf8));
    }

    [Test]
    public void Nul_bytes_are_refused_as_binary()
    {
        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(new byte[] { (byte)'a', 0, (byte)'\n' }));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.Binary));
    }

    [Test]
    public void A_line_of_twenty_million_empty_fields_is_refused_at_the_field_limit_having_allocated_little()
    {
        var line = HostileInputs.CsvWithFieldFlood(20_000_000);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(line));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.TooManyFields));
            Assert.That(error.Message, Does.Contain(CsvLimits.DefaultMaxFields.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(allocated, Is.LessThan(16L << 20), "bytes allocated while reading");
        });
    }

    [Test]
    public void A_record_longer_than_the_record_limit_is_refused_though_each_field_is_short()
    {
        var limits = new CsvLimits { MaxRecordLength = 100 };
        var line = string.Join(',', Enumerable.Repeat(new string('x', 30), 5)) + "\n";

        var error = Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(Encoding.UTF8.GetBytes(line), limits: limits));

        Assert.That(error!.ErrorCode, Is.EqualTo(CsvErrorCodes.RecordTooLong));
    }

    [Test]
    public async Task A_record_at_the_limits_is_read_whole()
    {
        var limits = new CsvLimits { MaxFields = 3, MaxRecordLength = 6 };

        var records = await ReadAllAsync(Encoding.UTF8.GetBytes("ab,cd,ef\n"), limits: limits);

        Assert.That(records, Is.EqualTo(new[] { new[] { "ab", "cd", "ef" } }));
    }

    private static Task<List<string[]>> ReadAllAsync(string text, char delimiter = ',') => ReadAllAsync(Encoding.UTF8.GetBytes(text), delimiter);

    private static async Task<List<string[]>> ReadAllAsync(byte[] bytes, char delimiter = ',', CsvLimits? limits = null)
    {
        using var reader = new CsvReader(new MemoryStream(bytes), delimiter, limits: limits);
        var records = new List<string[]>();
        var fields = new List<string>();
        while (await reader.ReadRecordAsync(fields, CancellationToken.None))
        {
            records.Add([.. fields]);
        }

        return records;
    }
}
