using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.PredictionLog;

[Category("Slow")]
public class PredictionLogApiTests
{
    private RunningScoringHost _scoring = null!;
    private JsonObject _settingsBefore = null!;
    private JsonObject _answerBefore = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync();
        _settingsBefore = (await _scoring.Client.GetFromJsonAsync<JsonObject>("/api/models/rule/prediction-log"))!;
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", ScoringHost.Row);
        _answerBefore = await ScoringHost.ReadObjectAsync(response);
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public void Logging_is_off_until_switched_on_and_answers_carry_no_prediction_id()
    {
        Assert.Multiple(() =>
        {
            Assert.That((double)_settingsBefore["sampleRate"]!, Is.Zero);
            Assert.That(_answerBefore.ContainsKey("predictionId"), Is.False);
            Assert.That((string?)_answerBefore["predictedLabel"], Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task With_logging_on_each_json_row_gets_an_id_stored_with_the_inputs_it_was_predicted_from()
    {
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");

        using var response = await _scoring.PostJsonAsync("/api/predict/rule",
            """[{"x1": 0.8, "x2": 0.1, "color": "red"}, {"x1": 0.25, "x2": 0.5, "color": "blue"}]""");
        var rows = (await ScoringHost.ReadObjectAsync(response))["predictions"]!.AsArray();
        var ids = rows.Select(r => PredictionId.Parse((string)r!["predictionId"]!)).ToArray();
        var stored = await LoggedRows.WaitForAsync(_scoring.Host.Services, "rule", ids);

        Assert.Multiple(() =>
        {
            Assert.That(ids.Distinct().Count(), Is.EqualTo(2));
            Assert.That(JsonNode.Parse(stored[ids[0]])!["color"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(JsonNode.Parse(stored[ids[1]])!["x1"]!.GetValue<double>(), Is.EqualTo(0.25));
        });
    }

    [Test]
    public async Task With_logging_on_each_csv_batch_row_ends_with_its_stored_prediction_id()
    {
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");

        using var response = await _scoring.Client.PostAsync("/api/predict/rule/batch", new StringContent("x1,x2,color\n1,1,red\n2,2,blue\n", Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var ids = lines[1..].Select(l => PredictionId.Parse(l.Split(',')[^1])).ToArray();
        var stored = await LoggedRows.WaitForAsync(_scoring.Host.Services, "rule", ids);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.EndWith(",predictionId"));
            Assert.That(stored, Has.Count.EqualTo(2));
            Assert.That(JsonNode.Parse(stored[ids[1]])!["color"]!.GetValue<string>(), Is.EqualTo("blue"));
        });
    }

    [Test]
    public async Task Switching_the_log_is_audited_with_the_new_settings()
    {
        using var response = await _scoring.Client.PutAsJsonAsync("/api/models/rule/prediction-log", new { sampleRate = 1, retentionDays = 9 });
        var audit = await _scoring.Host.Services.GetRequiredService<IAuditLog>().ListAsync(TenantId.Default, 0, 20, CancellationToken.None);

        Assert.That(audit.Where(a => a.Record.Action == "model.prediction-log").Select(a => a.Record.Outcome), Does.Contain("sampleRate 1, retentionDays 9"));
    }

    [TestCase("""{"sampleRate": 1.5, "retentionDays": 30}""", "invalid-sample-rate")]
    [TestCase("""{"sampleRate": -0.1, "retentionDays": 30}""", "invalid-sample-rate")]
    [TestCase("""{"sampleRate": 0.5, "retentionDays": 0}""", "invalid-retention")]
    [TestCase("""{"sampleRate": 0.5}""", "missing-retention")]
    [TestCase("""{"retentionDays": 3}""", "missing-sample-rate")]
    public async Task Bad_settings_are_refused_with_a_problem_naming_the_field(string body, string errorCode)
    {
        using var response = await _scoring.Client.PutAsync("/api/models/rule/prediction-log", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
        });
    }

    [Test]
    public async Task Switching_logging_for_an_unknown_model_is_not_found()
    {
        using var response = await _scoring.Client.PutAsJsonAsync("/api/models/nope/prediction-log", new { sampleRate = 1, retentionDays = 3 });
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("model-not-found"));
    }
}
