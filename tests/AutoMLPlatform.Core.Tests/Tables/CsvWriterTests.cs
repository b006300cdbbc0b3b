using System.Text;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Core.Tests.Tables;

public class CsvWriterTests
{
    [TestCase(',')]
    [TestCase('\t')]
    public async Task Written_records_read_back_as_the_same_fields(char delimiter)
    {
        string[] fields = ["plain", "with, comma", "with\ttab", "say \"hi\"", "two\nlines", " padded ", "", "ü"];
        var text = new StringWriter();

        await CsvWriter.WriteRecordAsync(text, fields, delimiter, CancellationToken.None);
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), delimiter);
        var read = new List<string>();
        await reader.ReadRecordAsync(read, CancellationToken.None);

        Assert.That(read, Is.EqualTo(fields));
    }

    [Test]
    public void A_field_that_needs_no_quotes_is_written_as_it_is()
    {
        Assert.That(CsvWriter.Encode("Adelie", ','), Is.EqualTo("Adelie"));
    }
}
