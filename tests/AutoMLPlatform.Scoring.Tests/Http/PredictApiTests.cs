using System.Net;
using System.Text;

namespace AutoMLPlatform.Scoring.Tests.Http;

[Category("Slow")]
public class PredictApiTests
{
    /// <summary>An unknown field nested 40 deep, past the depth limit of 32 (and short of the reader's own 64).</summary>
    private const string Deep = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";

    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(settings: new()
        {
            ["AutoMLPlatform:Scoring:MaxJsonBodyBytes"] = "2048",
            ["AutoMLPlatform:Scoring:MaxRowsPerRequest"] = "3",
        });
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task The_standalone_host_predicts_with_the_model_the_platform_registered()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", ScoringHost.Row);
        var body = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentLength, Is.GreaterThan(0));
            Assert.That((string?)body["model"], Is.EqualTo("rule"));
            Assert.That((string?)body["predictedLabel"], Is.EqualTo("yes"));
            Assert.That((double)body["probabilities"]!["yes"]! + (double)body["probabilities"]!["no"]!, Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public async Task An_array_answers_each_row_in_order()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", """[{"x1": 0.9, "x2": 0.5, "color": "red"}, {"x1": -0.9, "x2": -0.5, "color": null}]""");
        var body = await ScoringHost.ReadObjectAsync(response);

        Assert.That(body["predictions"]!.AsArray().Select(p => (string?)p!["predictedLabel"]), Is.EqualTo(new[] { "yes", "no" }));
    }

    [TestCase("/api/predict/nope", ScoringHost.Row, HttpStatusCode.NotFound, "model-not-found")]
    [TestCase("/api/predict/rule?version=9", ScoringHost.Row, HttpStatusCode.NotFound, "model-not-found")]
    [TestCase("/api/predict/rule?alias=staging", ScoringHost.Row, HttpStatusCode.NotFound, "model-not-found")]
    [TestCase("/api/predict/rule?version=1&alias=production", ScoringHost.Row, HttpStatusCode.BadRequest, "ambiguous-selector")]
    [TestCase("/api/predict/rule", """{"x1": "high", "x2": 0.1, "color": "red"}""", HttpStatusCode.BadRequest, "wrong-type")]
    [TestCase("/api/predict/rule", """{"x1": 0.8, "x2": 0.1, "color": {"r": 1}}""", HttpStatusCode.BadRequest, "wrong-type")]
    [TestCase("/api/predict/rule", """{"x2": 0.1, "color": "red"}""", HttpStatusCode.BadRequest, "missing-column")]
    [TestCase("/api/predict/rule", """{"x1": 0.8, "x2": 0.1, "color": "red"} 7""", HttpStatusCode.BadRequest, "invalid-json")]
    [TestCase("/api/predict/rule", "[]", HttpStatusCode.BadRequest, "empty-batch")]
    [TestCase("/api/predict/rule", "\"row\"", HttpStatusCode.BadRequest, "invalid-body")]
    [TestCase("/api/predict/rule", "[1]", HttpStatusCode.BadRequest, "invalid-row")]
    [TestCase("/api/predict/rule", $"[{ScoringHost.Row},{ScoringHost.Row},{ScoringHost.Row},{ScoringHost.Row}]", HttpStatusCode.RequestEntityTooLarge, "too-many-rows")]
    [TestCase("/api/predict/rule", $$"""{"x1": 0.8, "x2": 0.1, "color": "red", "extra": {{Deep}}}""", HttpStatusCode.BadRequest, "invalid-json")]
    public async Task A_bad_request_is_answered_with_a_problem_naming_what_is_wrong(string path, string json, HttpStatusCode status, string errorCode)
    {
        using var response = await _scoring.PostJsonAsync(path, json);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
        });
    }

    [Test]
    public async Task A_wrong_typed_field_is_named_in_the_errors()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", """[{"x1": 0.8, "x2": 0.1, "color": "red"}, {"x1": 0.8, "x2": true, "color": "red"}]""");
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "[1].x2" }));
    }

    [TestCase("/api/predict/rule")]
    [TestCase("/v2/models/rule/infer")]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_as_it_is_read(string path)
    {
        // A stream that cannot tell its length is sent chunked: the limit can only be enforced while reading.
        var unsized = System.IO.Pipelines.PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(ScoringHost.Row + new string(' ', 4096)))).AsStream();
        var content = new StreamContent(unsized);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _scoring.Client.PostAsync(path, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task An_inference_request_with_more_rows_than_allowed_is_refused_with_413()
    {
        const string json = """{"inputs": [{"name": "x1", "shape": [4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""";

        using var response = await _scoring.PostJsonAsync("/v2/models/rule/infer", json);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That((response.StatusCode, (string?)problem["errorCode"]), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, (string?)"too-many-rows")));
    }

    [Test]
    public async Task A_body_without_a_media_type_is_taken_as_json()
    {
        using var response = await _scoring.Client.PostAsync("/api/predict/rule", new ByteArrayContent(Encoding.UTF8.GetBytes(ScoringHost.Row)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/api/predict/rule", "text/csv")]
    [TestCase("/api/predict/rule/batch", "application/json")]
    [TestCase("/v2/models/rule/infer", "application/x-www-form-urlencoded")]
    public async Task A_body_of_another_media_type_is_refused_with_415(string path, string mediaType)
    {
        using var response = await _scoring.Client.PostAsync(path, new StringContent(ScoringHost.Row, Encoding.UTF8, mediaType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var padding = new string(' ', 4096);

        using var response = await _scoring.PostJsonAsync("/api/predict/rule", ScoringHost.Row + padding);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("payload-too-large"));
        });
    }
}
