using System.Text;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Jobs.Pipelines;

namespace AutoMLPlatform.Jobs.Tests.Pipelines;

public class PipelineDocumentReaderTests
{
    [Test]
    public async Task A_document_with_comments_and_a_trailing_comma_is_read()
    {
        var document = await ReadAsync("""
            {
              // the nightly retraining of the penguin classifier
              "name": "penguins",
              "schedule": {"cron": "0 3 * * *",},
            }
            """);

        Assert.That(document.Schedule!.Cron, Is.EqualTo("0 3 * * *"));
    }

    [Test]
    public void A_misspelt_field_is_refused_naming_it()
    {
        var error = Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync("""{"name": "n", "shedule": {"cron": "0 3 * * *"}}"""));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Field, Is.EqualTo("shedule"));
            Assert.That(error.Message, Does.Contain("shedule"));
        });
    }

    [Test]
    public void A_field_of_the_wrong_type_is_refused_naming_its_path()
    {
        var error = Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync("""{"name": "n", "promotion": {"retries": "two"}}"""));

        Assert.That(error!.Field, Is.EqualTo("promotion.retries"));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("[1, 2]")]
    [TestCase("{\"name\": ")]
    public void Something_that_is_not_a_json_object_is_refused(string json)
    {
        Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync(json));
    }

    private static Task<PipelineDocument> ReadAsync(string json) =>
        PipelineDocumentReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
}
