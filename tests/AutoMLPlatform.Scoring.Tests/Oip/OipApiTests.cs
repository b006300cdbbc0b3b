using System.Net;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Scoring.Tests.Oip;

[Category("Slow")]
public class OipApiTests
{
    private const string Infer = """
        {"id": "req-1", "parameters": {"content_type": "pd"}, "inputs": [
          {"name": "x1", "shape": [2], "datatype": "FP32", "data": [0.9, -0.9]},
          {"name": "x2", "shape": [2, 1], "datatype": "FP64", "data": [[0.5], [-0.5]]},
          {"name": "color", "shape": [2], "datatype": "BYTES", "data": ["red", null]}
        ]}
        """;

    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _scoring = await RunningScoringHost.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [TestCase("/v2/health/live", "live")]
    [TestCase("/v2/health/ready", "ready")]
    [TestCase("/v2/models/rule/ready", "ready")]
    [TestCase("/v2/models/rule/versions/1/ready", "ready")]
    public async Task Health_and_readiness_answer_200_and_true(string path, string member)
    {
        using var response = await _scoring.Client.GetAsync(path);
        var body = await ScoringHost.ReadObjectAsync(response);

        Assert.That((response.StatusCode, (bool?)body[member]), Is.EqualTo((HttpStatusCode.OK, (bool?)true)));
    }

    [Test]
    public async Task Model_metadata_lists_versions_typed_inputs_and_outputs()
    {
        using var response = await _scoring.Client.GetAsync("/v2/models/rule");
        var body = await ScoringHost.ReadObjectAsync(response);

        Assert.That(body.ToJsonString(), Is.EqualTo(
            """{"name":"rule","versions":["1"],"platform":"mlnet","inputs":[{"name":"x1","datatype":"FP32","shape":[-1]},{"name":"x2","datatype":"FP32","shape":[-1]},{"name":"color","datatype":"BYTES","shape":[-1]}],"outputs":[{"name":"predicted_label","datatype":"BYTES","shape":[-1]},{"name":"probabilities","datatype":"FP32","shape":[-1,2]}]}"""));
    }

    [Test]
    public async Task Inference_answers_named_typed_shaped_outputs_with_the_batch_dimension_first()
    {
        using var response = await _scoring.PostJsonAsync("/v2/models/rule/infer", Infer);
        var body = await ScoringHost.ReadObjectAsync(response);
        var outputs = body["outputs"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((string?)body["model_name"], (string?)body["model_version"], (string?)body["id"]), Is.EqualTo(("rule", "1", "req-1")));
            Assert.That(outputs.Select(o => ((string?)o!["name"], (string?)o["datatype"], o["shape"]!.ToJsonString())),
                Is.EqualTo(new[] { ("predicted_label", "BYTES", "[2]"), ("probabilities", "FP32", "[2,2]") }));
            Assert.That(outputs[0]!["data"]!.AsArray().Select(v => (string?)v), Is.EqualTo(new[] { "yes", "no" }));
            Assert.That(outputs[1]!["data"]!.AsArray(), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task Inference_on_a_named_version_returns_only_the_outputs_asked_for()
    {
        var request = JsonNode.Parse(Infer)!.AsObject();
        request["id"] = null;
        request["outputs"] = new JsonArray(new JsonObject { ["name"] = "predicted_label", ["parameters"] = new JsonObject { ["binary_data"] = false } });

        using var response = await _scoring.PostJsonAsync("/v2/models/rule/versions/1/infer", request.ToJsonString());
        var body = await ScoringHost.ReadObjectAsync(response);

        Assert.That(body["outputs"]!.AsArray().Select(o => (string?)o!["name"]), Is.EqualTo(new[] { "predicted_label" }));
    }

    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "INT32", "data": [0.5]}]}""", "wrong-type", "x1")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "BYTES", "data": ["0.5"]}]}""", "wrong-type", "x1")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "FP99", "data": [0.5]}]}""", "invalid-request", "x1")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [2], "datatype": "FP32", "data": [0.5]}]}""", "invalid-shape", "x1")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1, 2], "datatype": "FP32", "data": [0.5, 1]}]}""", "invalid-shape", "x1")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "FP32", "data": [0.5]}, {"name": "x2", "shape": [2], "datatype": "FP32", "data": [1, 2]}]}""", "shape-mismatch", "x2")]
    [TestCase("""{"inputs": [{"name": "x9", "shape": [1], "datatype": "FP32", "data": [0.5]}]}""", "unknown-input", "x9")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "FP32", "data": [0.5]}, {"name": "x2", "shape": [1], "datatype": "FP32", "data": [0.5]}]}""", "missing-column", "color")]
    [TestCase("""{"inputs": []}""", "invalid-request", "inputs")]
    [TestCase("""{"inputs": [{"name": "x1", "shape": [1], "datatype": "FP32", "data": [0.5]}], "outputs": [{"name": "logits"}]}""", "unknown-output", "outputs")]
    public async Task A_bad_inference_request_is_400_with_the_protocols_error_member_naming_the_input(string json, string errorCode, string field)
    {
        using var response = await _scoring.PostJsonAsync("/v2/models/rule/infer", json);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
            Assert.That((string?)problem["error"], Is.Not.Empty);
        });
    }

    [Test]
    public async Task Server_metadata_needs_a_key_like_the_rest_of_the_protocol()
    {
        using var anonymous = _scoring.Host.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        using var refused = await anonymous.GetAsync("/v2");
        using var answered = await _scoring.Client.GetAsync("/v2");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Data_nested_deeper_than_the_limit_is_refused_as_invalid_json()
    {
        var deep = new string('[', 40) + "0.5" + new string(']', 40);

        using var response = await _scoring.PostJsonAsync("/v2/models/rule/infer", $$"""{"inputs": [{"name": "x1", "shape": [1], "datatype": "FP32", "data": {{deep}}}]}""");
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("invalid-json"));
        });
    }

    [TestCase("/v2/models/nope/infer")]
    [TestCase("/v2/models/rule/versions/7/infer")]
    [TestCase("/v2/models/rule/versions/latest/infer")]
    public async Task Inference_on_an_unknown_model_or_version_is_404_with_an_error(string path)
    {
        using var response = await _scoring.PostJsonAsync(path, Infer);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That((response.StatusCode, (string?)problem["error"]), Is.EqualTo((HttpStatusCode.NotFound, (string?)problem["detail"])));
    }
}
