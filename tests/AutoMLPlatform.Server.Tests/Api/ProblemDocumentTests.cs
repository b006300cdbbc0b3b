using System.Net;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests.Api;

/// <summary>Every error answer is a full problem document, whoever wrote it: our handler, the rate limiter, routing, the body limit.</summary>
public class ProblemDocumentTests
{
    private static readonly string[] Members = ["type", "title", "status", "detail", "errorCode", "traceId"];

    [Test]
    public async Task A_429_from_the_prediction_rate_limit_is_a_full_problem_document()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Security:PredictionsPerSecondPerTenant"] = "1" });
        using var api = factory.Api();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostRawJsonAsync("/api/predict/nope", "{}")));
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var problem = await ApiClient.ProblemAsync(limited, HttpStatusCode.TooManyRequests);

        Assert.Multiple(() =>
        {
            Assert.That(Members.Where(m => problem[m] is null), Is.Empty, problem.ToJsonString());
            Assert.That((string?)problem["errorCode"], Is.EqualTo("rate-limited"));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_json_body_over_the_api_limit_is_a_413_problem_document_before_it_is_parsed()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var document = """{"name":"big","dataset":"rule","label":"y","schedule":{"cron":"0 3 * * *"},"seed":[""" + string.Join(',', Enumerable.Repeat("0", 600_000)) + "]}";

        using var response = await api.PostRawJsonAsync("/api/pipelines", document);
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Multiple(() =>
        {
            Assert.That(Members.Where(m => problem[m] is null), Is.Empty, problem.ToJsonString());
            Assert.That((string?)problem["errorCode"], Is.EqualTo("payload-too-large"));
        });
    }

    [Test]
    public async Task An_unknown_route_is_a_404_problem_document_with_an_error_code()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();

        using var response = await api.Http.GetAsync("/api/nothing-here");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");

        Assert.Multiple(() =>
        {
            Assert.That(Members.Where(m => problem[m] is null), Is.Empty, problem.ToJsonString());
            Assert.That((string?)problem["errorCode"], Is.EqualTo("not-found"));
        });
    }

    [Test]
    public async Task The_json_body_limit_is_a_setting()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Hosting:MaxJsonBodyBytes"] = "2048" });
        using var api = factory.Api();
        var name = new string('k', 3000);

        using var response = await api.PostJsonAsync("/api/keys", new JsonObject { ["name"] = name, ["scopes"] = new JsonArray("read") });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }
}
