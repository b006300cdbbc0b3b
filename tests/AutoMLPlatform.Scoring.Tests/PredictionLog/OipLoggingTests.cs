using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Scoring.Tests.PredictionLog;

/// <summary>The Open Inference Protocol path logs like the JSON path: a logging model's answer carries each row's id as the output <c>prediction_id</c>.</summary>
[Category("Slow")]
public class OipLoggingTests
{
    private const string Infer = """
        {"inputs": [
          {"name": "x1", "shape": [2], "datatype": "FP32", "data": [0.9, -0.9]},
          {"name": "x2", "shape": [2], "datatype": "FP32", "data": [0.5, -0.5]},
          {"name": "color", "shape": [2], "datatype": "BYTES", "data": ["red", "blue"]}
        ]}
        """;

    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _scoring = await RunningScoringHost.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    private async Task<JsonArray> InferAsync()
    {
        using var response = await _scoring.Client.PostAsync("/v2/models/rule/infer", new StringContent(Infer, Encoding.UTF8, "application/json"));
        return (await ScoringHost.ReadObjectAsync(response))["outputs"]!.AsArray();
    }

    [Test]
    public async Task A_logging_model_answers_each_rows_prediction_id_and_the_rows_are_stored_with_their_inputs()
    {
        var before = await InferAsync();
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");

        var outputs = await InferAsync();
        var ids = outputs.Single(o => (string?)o!["name"] == "prediction_id")!;
        var logged = ids["data"]!.AsArray().Select(d => PredictionId.Parse((string)d!)).ToArray();
        var stored = await LoggedRows.WaitForAsync(_scoring.Host.Services, "rule", logged);

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(o => (string?)o!["name"]), Is.EqualTo(new[] { "predicted_label", "probabilities" }), "no ids while the model does not log");
            Assert.That(((string?)ids["datatype"], ids["shape"]!.ToJsonString()), Is.EqualTo(("BYTES", "[2]")));
            Assert.That(stored, Has.Count.EqualTo(2));
            Assert.That(JsonNode.Parse(stored[logged[1]])!["color"]!.GetValue<string>(), Is.EqualTo("blue"));
        });
    }
}
