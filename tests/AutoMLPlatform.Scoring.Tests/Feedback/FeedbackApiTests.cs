using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Tests.PredictionLog;
using AutoMLPlatform.Security.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Feedback;

[Category("Slow")]
public class FeedbackApiTests
{
    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync();
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task Feedback_is_accepted_a_later_one_for_the_same_id_replaces_it_and_each_call_is_audited()
    {
        var ids = await PredictAsync(2);

        var first = await PostAsync(_scoring.Client, $$"""[{"predictionId": "{{ids[0]}}", "label": "yes"}, {"predictionId": "{{ids[1]}}", "label": "no"}]""");
        var second = await PostAsync(_scoring.Client, $$"""[{"predictionId": "{{ids[0]}}", "label": "no", "observedAt": "2026-12-01T10:00:00Z"}]""");
        var audit = await _scoring.Host.Services.GetRequiredService<IAuditLog>().ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((int)first["accepted"]!, Is.EqualTo(2));
            Assert.That((int)second["replaced"]!, Is.EqualTo(1));
            Assert.That((string?)second["results"]![0]!["outcome"], Is.EqualTo("replaced"));
            Assert.That(audit.Where(a => a.Record.Action == "model.feedback").Select(a => a.Record.Outcome), Does.Contain("accepted 0, replaced 1, rejected 0"));
        });
    }

    [Test]
    public async Task Unknown_ids_wrong_types_and_unknown_classes_are_refused_per_row_and_the_rest_accepted()
    {
        var ids = await PredictAsync(4);

        var answer = await PostAsync(_scoring.Client, $$"""
            [{"predictionId": "{{ids[0]}}", "label": "yes"}, {"predictionId": "{{Guid.NewGuid()}}", "label": "yes"},
             {"predictionId": "{{ids[1]}}", "value": 3.5}, {"predictionId": "{{ids[2]}}", "label": "maybe"},
             {"predictionId": "not-an-id", "label": "yes"}, {"predictionId": "{{ids[3]}}"}]
            """);
        var results = answer["results"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (int)r!["status"]!), Is.EqualTo(new[] { 200, 404, 400, 400, 400, 400 }));
            Assert.That(results.Skip(1).Select(r => (string?)r!["errorCode"]),
                Is.EqualTo(new[] { "unknown-prediction", "wrong-type", "unknown-class", "invalid-prediction-id", "missing-outcome" }));
            Assert.That((int)answer["accepted"]!, Is.EqualTo(1));
            Assert.That((int)answer["rejected"]!, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_csv_back_fill_stores_its_rows_and_reports_the_refused_ones()
    {
        var ids = await PredictAsync(2);

        using var response = await _scoring.Client.PostAsync("/api/models/rule/feedback",
            new StringContent($"predictionId,label\n{ids[0]},yes\n{ids[1]},no\n{Guid.NewGuid()},yes\n", Encoding.UTF8, "text/csv"));
        var answer = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)answer["accepted"]!, Is.EqualTo(2));
            Assert.That(answer["results"]!.AsArray().Select(r => (int)r!["index"]!), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public async Task More_than_ten_thousand_rows_in_one_json_call_are_refused_whole()
    {
        var row = $$"""{"predictionId": "{{Guid.NewGuid()}}", "label": "yes"}""";
        var body = "[" + string.Join(',', Enumerable.Repeat(row, 10_001)) + "]";

        using var response = await _scoring.Client.PostAsync("/api/models/rule/feedback", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("too-many-rows"));
        });
    }

    [TestCase("[{", "invalid-json")]
    [TestCase("""{"predictionId": "x"}""", "invalid-body")]
    [TestCase("[]", "empty-batch")]
    [TestCase("[1]", "invalid-row")]
    public async Task A_malformed_body_is_a_problem_with_its_error_code(string body, string errorCode)
    {
        using var response = await _scoring.Client.PostAsync("/api/models/rule/feedback", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
        });
    }

    [Test]
    public async Task A_feedback_key_sends_outcomes_but_can_neither_predict_nor_switch_logging()
    {
        var ids = await PredictAsync(1);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "outcomes", ApiScopes.Feedback, DateTimeOffset.UtcNow, null);
        await _scoring.Host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(stored, CancellationToken.None);
        using var app = _scoring.Host.CreateClient();
        app.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var feedback = await app.PostAsync("/api/models/rule/feedback",
            new StringContent($$"""[{"predictionId": "{{ids[0]}}", "label": "yes"}]""", Encoding.UTF8, "application/json"));
        using var predict = await _scoring.Host.PostJsonAsync(app, "/api/predict/rule", ScoringHost.Row);
        using var logging = await app.PutAsJsonAsync("/api/models/rule/prediction-log", new { sampleRate = 0, retentionDays = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(feedback.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(predict.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(logging.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private async Task<string[]> PredictAsync(int rows)
    {
        var body = "[" + string.Join(',', Enumerable.Repeat(ScoringHost.Row, rows)) + "]";
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", body);
        var ids = (await ScoringHost.ReadObjectAsync(response))["predictions"]!.AsArray().Select(p => (string)p!["predictionId"]!).ToArray();
        await LoggedRows.WaitForAsync(_scoring.Host.Services, "rule", ids.Select(Core.Feedback.PredictionId.Parse).ToArray());
        return ids;
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/api/models/rule/feedback", new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await ScoringHost.ReadObjectAsync(response);
    }
}
