using System.Net;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Scoring.Tests.Embeddings;

[Category("Slow")]
public sealed class EmbeddingsApiTests
{
    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(settings: new()
        {
            ["AutoMLPlatform:Scoring:MaxEmbeddingInputs"] = "4",
            ["AutoMLPlatform:Scoring:MaxEmbeddingTextLength"] = "200",
        });
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task Each_text_gets_one_unit_length_vector_of_the_encoders_dimension_in_order()
    {
        using var response = await _scoring.PostJsonAsync("/api/embeddings", """{"model": "all-MiniLM-L6-v2", "inputs": ["fresh bread", "", "a fast car"]}""");
        var body = await ScoringHost.ReadObjectAsync(response);
        var vectors = body["embeddings"]!.AsArray().Select(v => v!.AsArray().Select(x => (double)x!).ToArray()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((string?)body["model"], (int?)body["dimension"]), Is.EqualTo(("all-MiniLM-L6-v2", 384)));
            Assert.That(vectors.Select(v => v.Length), Is.EqualTo(new[] { 384, 384, 384 }));
            Assert.That(vectors.Select(v => Math.Sqrt(v.Sum(x => x * x))), Has.All.EqualTo(1).Within(1e-4));
            Assert.That(vectors[0], Is.Not.EqualTo(vectors[2]).AsCollection);
        });
    }

    [Test]
    public async Task The_same_text_gets_the_same_vector_whatever_it_is_sent_with()
    {
        using var alone = await _scoring.PostJsonAsync("/api/embeddings", """{"model": "all-minilm-l6-v2", "inputs": ["the tea was lovely"]}""");
        using var among = await _scoring.PostJsonAsync("/api/embeddings", """{"inputs": ["something else", "the tea was lovely"], "model": "all-MiniLM-L6-v2"}""");

        var first = (await ScoringHost.ReadObjectAsync(alone))["embeddings"]![0]!.ToJsonString();
        var second = (await ScoringHost.ReadObjectAsync(among))["embeddings"]![1]!.ToJsonString();

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase("""{"model": "all-MiniLM-L6-v2", "inputs": []}""", 400, "empty-inputs", "inputs")]
    [TestCase("""{"model": "all-MiniLM-L6-v2", "inputs": ["a", "b", "c", "d", "e"]}""", 413, "too-many-inputs", null)]
    [TestCase("""{"model": "all-MiniLM-L6-v2", "inputs": ["fine", "LONG"]}""", 400, "text-too-long", "inputs[1]")]
    [TestCase("""{"model": "all-MiniLM-L6-v2", "inputs": ["fine", 42]}""", 400, "wrong-type", "inputs[1]")]
    [TestCase("""{"model": "all-MiniLM-L6-v2", "inputs": "just one"}""", 400, "wrong-type", "inputs")]
    [TestCase("""{"inputs": ["no model"]}""", 400, "missing-model", "model")]
    [TestCase("""["not", "an", "object"]""", 400, "invalid-body", "body")]
    [TestCase("""{"model": "all-MiniLM""", 400, "invalid-json", "body")]
    [TestCase("""{"model": "bert-huge", "inputs": ["x"]}""", 404, "model-not-found", null)]
    public async Task Bad_input_is_a_problem_with_its_error_code_and_field(string json, int status, string errorCode, string? field)
    {
        using var response = await _scoring.PostJsonAsync("/api/embeddings", json.Replace("LONG", new string('x', 201), StringComparison.Ordinal));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
            Assert.That(field is null || problem["errors"]?[field] is not null, Is.True, $"errors names {field}");
        });
    }

    [Test]
    public async Task Without_a_key_the_endpoint_answers_401()
    {
        using var client = _scoring.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        using var response = await _scoring.Host.PostJsonAsync(client, "/api/embeddings", """{"model": "all-MiniLM-L6-v2", "inputs": ["x"]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_encoder_is_an_open_inference_protocol_model_with_one_text_input_and_one_vector_output()
    {
        using var response = await _scoring.Client.GetAsync("/v2/models/all-MiniLM-L6-v2");

        Assert.That((await ScoringHost.ReadObjectAsync(response)).ToJsonString(), Is.EqualTo(
            """{"name":"all-MiniLM-L6-v2","versions":["1"],"platform":"onnxruntime","inputs":[{"name":"text","datatype":"BYTES","shape":[-1]}],"outputs":[{"name":"embedding","datatype":"FP32","shape":[-1,384]}]}"""));
    }

    [Test]
    public async Task Open_inference_protocol_inference_gives_the_same_vectors_row_major()
    {
        using var oip = await _scoring.PostJsonAsync("/v2/models/all-MiniLM-L6-v2/versions/1/infer",
            """{"id": "e1", "inputs": [{"name": "text", "shape": [2, 1], "datatype": "BYTES", "data": [["fresh bread"], ["a fast car"]]}]}""");
        using var plain = await _scoring.PostJsonAsync("/api/embeddings", """{"model": "all-MiniLM-L6-v2", "inputs": ["fresh bread", "a fast car"]}""");
        var output = (await ScoringHost.ReadObjectAsync(oip))["outputs"]![0]!;
        var expected = (await ScoringHost.ReadObjectAsync(plain))["embeddings"]!.AsArray().SelectMany(v => v!.AsArray()).Select(x => (double)x!);

        Assert.Multiple(() =>
        {
            Assert.That(oip.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((string?)output["name"], (string?)output["datatype"], output["shape"]!.ToJsonString()), Is.EqualTo(("embedding", "FP32", "[2,384]")));
            Assert.That(output["data"]!.AsArray().Select(x => (double)x!), Is.EqualTo(expected).AsCollection);
        });
    }

    [TestCase("""{"inputs": [{"name": "text", "shape": [1], "datatype": "BYTES", "data": [7]}]}""", 400, "wrong-type")]
    [TestCase("""{"inputs": [{"name": "words", "shape": [1], "datatype": "BYTES", "data": ["x"]}]}""", 400, "unknown-input")]
    [TestCase("""{"inputs": [{"name": "text", "shape": [5], "datatype": "BYTES", "data": ["a", "b", "c", "d", "e"]}]}""", 413, "too-many-inputs")]
    public async Task Bad_open_inference_protocol_input_is_a_problem_with_its_error_code(string json, int status, string errorCode)
    {
        using var response = await _scoring.PostJsonAsync("/v2/models/all-MiniLM-L6-v2/infer", json);
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That(((int)response.StatusCode, (string?)problem["errorCode"], problem["error"] is not null), Is.EqualTo((status, errorCode, true)));
    }

    [Test]
    public async Task A_registered_model_keeps_its_own_open_inference_protocol_routes()
    {
        using var response = await _scoring.Client.GetAsync("/v2/models/rule");

        Assert.That((string?)(await ScoringHost.ReadObjectAsync(response))["platform"], Is.EqualTo("mlnet"));
    }
}
