using System.Net;
using System.Text;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Tests.Http;

/// <summary>How an error answer becomes an <see cref="AutoMLPlatformException"/>, for answers the platform does not give on its own.</summary>
public class ErrorMappingTests
{
    [Test]
    public async Task A_validation_problem_carries_every_field_and_its_messages()
    {
        using var response = Answer(HttpStatusCode.BadRequest, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is invalid.","status":400,"detail":"Name the dataset.","errors":{"datasetId":["Name the dataset."],"label":["Name the label.","Or two."]},"errorCode":"invalid-job","traceId":"00-abc-01"}""");

        var error = await ProblemReader.ReadAsync(response, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Type, Is.EqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.1"));
            Assert.That(error.Title, Is.EqualTo("The request is invalid."));
            Assert.That(error.Detail, Is.EqualTo("Name the dataset."));
            Assert.That(error.ErrorCode, Is.EqualTo("invalid-job"));
            Assert.That(error.TraceId, Is.EqualTo("00-abc-01"));
            Assert.That(error.Errors["label"], Is.EqualTo(new[] { "Name the label.", "Or two." }));
            Assert.That(error.Message, Is.EqualTo("400: The request is invalid. Name the dataset. [invalid-job]"));
        });
    }

    [Test]
    public async Task A_body_that_is_not_json_keeps_the_status_the_reason_and_the_start_of_the_body()
    {
        using var response = Answer(HttpStatusCode.BadGateway, "text/html", "<html>upstream down</html>");

        var error = await ProblemReader.ReadAsync(response, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(error.Title, Is.EqualTo("Bad Gateway"));
            Assert.That(error.Detail, Is.EqualTo("<html>upstream down</html>"));
            Assert.That(error.IsRefusal, Is.False);
        });
    }

    [Test]
    public async Task An_empty_body_still_names_the_status()
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable, "text/plain", "");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        var error = await ProblemReader.ReadAsync(response, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("503: Service Unavailable"));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        });
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string mediaType, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, mediaType),
    };
}
