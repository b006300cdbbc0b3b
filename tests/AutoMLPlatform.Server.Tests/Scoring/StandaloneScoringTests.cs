using System.Net;

namespace AutoMLPlatform.Server.Tests.Scoring;

/// <summary>The standalone scoring process over the data directory of a running platform: one implementation, two hosts.</summary>
[Category("Slow")]
public class StandaloneScoringTests
{
    private const string Adelie = """{"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "male"}""";
    private TrainedPlatform _platform = null!;
    private ServerProcess _scoring = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TrainedPlatform.StartAsync();
        _scoring = await ServerProcess.StartScoringAsync(_platform.Factory.DataDirectory, new Dictionary<string, string>());
        _api = _scoring.Api();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _scoring.Dispose();
        _platform.Dispose();
    }

    [Test]
    public async Task The_scoring_process_answers_exactly_what_the_platform_answers()
    {
        using var fromPlatform = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", Adelie);
        using var fromScoring = await _api.PostRawJsonAsync("/api/predict/penguins", Adelie);

        Assert.That(await fromScoring.Content.ReadAsStringAsync(), Is.EqualTo(await fromPlatform.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task The_scoring_process_serves_the_open_inference_protocol_over_kestrel()
    {
        const string request = """
            {"inputs": [
              {"name": "island", "shape": [1], "datatype": "BYTES", "data": ["Torgersen"]},
              {"name": "bill_length_mm", "shape": [1], "datatype": "FP32", "data": [39.1]},
              {"name": "bill_depth_mm", "shape": [1], "datatype": "FP32", "data": [18.7]},
              {"name": "flipper_length_mm", "shape": [1], "datatype": "INT32", "data": [181]},
              {"name": "body_mass_g", "shape": [1], "datatype": "INT64", "data": [3750]},
              {"name": "sex", "shape": [1], "datatype": "BYTES", "data": ["male"]}
            ]}
            """;

        using var response = await _api.PostRawJsonAsync("/v2/models/penguins/infer", request);
        var body = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.That((string?)body["outputs"]![0]!["data"]![0], Is.EqualTo("Adelie"));
    }

    [Test]
    public async Task The_scoring_process_exports_metrics_for_what_it_served()
    {
        using (var warm = await _api.PostRawJsonAsync("/api/predict/penguins", Adelie))
        {
            Assert.That(warm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var text = await _api.Http.GetStringAsync("/metrics");

        Assert.That(text, Does.Contain("scoring_request_duration_seconds_bucket{").And.Contain("model=\"penguins\""));
    }
}
