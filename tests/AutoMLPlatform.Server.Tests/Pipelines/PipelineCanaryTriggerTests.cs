using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Pipelines;

/// <summary>
/// Model <c>rule</c> with two versions: <c>production</c> points at 1 with version 2 as a 50 % canary, and 40 keyed
/// predictions get outcomes saying every answer of version 2 was right and every answer of version 1 wrong. Two
/// pipelines watch the alias: <c>strict</c> needs 1,000 labelled predictions per version, <c>rule</c> needs 5. The
/// recurring checks are called directly, as Hangfire would call them.
/// </summary>
[Category("Slow")]
public class PipelineCanaryTriggerTests
{
    private PipelineTriggerPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainSplitPredictAndLabelAsync()
    {
        _platform = await PipelineTriggerPlatform.StartAsync(TestTables.BinaryCsv(200, 5));
        await _platform.TrainAsync("rule", seed: 1);
        await _platform.TrainAsync("rule", seed: 2);
        await _platform.CreatePipelineAsync("strict", "rule", "canaryTrigger", """{"metric": "accuracy", "minLabelled": 1000}""");
        await _platform.CreatePipelineAsync("rule", "rule", "canaryTrigger", """{"metric": "accuracy", "minLabelled": 5}""");

        await _platform.SendOkAsync(HttpMethod.Put, "/api/models/rule/aliases/production", new { version = 1, canary = new { version = 2, percent = 50 } });
        await _platform.LogEveryPredictionAsync("rule");
        var outcomes = new List<object>();
        for (var key = 0; key < 40; key++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict/rule")
            {
                Content = JsonContent.Create(new { x1 = key % 2 == 0 ? 0.6 : -0.6, x2 = 0.1, color = "red" }),
            };
            request.Headers.Add("X-Routing-Key", $"customer-{key}");
            using var response = await _platform.Api.Http.SendAsync(request);
            var answer = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);
            var predicted = (string)answer["predictedLabel"]!;
            var right = (int)answer["version"]! == 2;
            outcomes.Add(new { predictionId = (string)answer["predictionId"]!, label = right ? predicted : predicted == "yes" ? "no" : "yes" });
        }

        await _platform.SendFeedbackAsync("rule", () => JsonContent.Create(outcomes), outcomes.Count);
    }

    [OneTimeTearDown]
    public void Stop() => _platform?.Dispose();

    [Test]
    public async Task A_canary_that_wins_live_is_promoted_once_it_has_enough_labelled_predictions_and_the_run_records_both_scores()
    {
        var tooFew = await CheckAsync("strict");
        var aliasBefore = await _platform.Api.GetObjectAsync("/api/models/rule/aliases/production");

        var promoted = await CheckAsync("rule");
        var alias = await _platform.Api.GetObjectAsync("/api/models/rule/aliases/production");
        var run = (await _platform.Api.GetObjectAsync("/api/pipelines/rule/runs"))["items"]!.AsArray().Single()!;
        var decision = run["decision"]!;
        var audit = await _platform.Api.GetObjectAsync("/api/audit?limit=50");

        Assert.Multiple(() =>
        {
            Assert.That(tooFew, Is.Null, "1,000 labelled predictions per version are not there yet");
            Assert.That((int?)aliasBefore["canary"]?["version"], Is.EqualTo(2));
            Assert.That(promoted?.Trigger, Is.EqualTo(RunTrigger.Canary));
            Assert.That(((int)alias["version"]!, alias["canary"]), Is.EqualTo((2, (JsonNode?)null)));
            Assert.That(((string?)run["trigger"], (string?)run["status"]), Is.EqualTo(("canary", "succeeded")));
            Assert.That((bool?)decision["promoted"], Is.True);
            Assert.That(((int)decision["challenger"]!["version"]!, (double)decision["challenger"]!["score"]!), Is.EqualTo((2, 1.0)));
            Assert.That(((int)decision["champion"]!["version"]!, (double)decision["champion"]!["score"]!), Is.EqualTo((1, 0.0)));
            Assert.That(audit["items"]!.AsArray().Select(e => (string?)e!["action"]), Has.Member("model.canary-promote"));
        });
    }

    [Test]
    public async Task A_bad_canary_trigger_is_a_400_naming_the_field()
    {
        using var response = await _platform.Api.Http.PostAsync(new Uri("/api/pipelines", UriKind.Relative), new StringContent("""
            {"name": "bad", "modelName": "rule", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *",
             "canaryTrigger": {"metric": "accuracy", "minImprovement": -0.1} } }
            """, Encoding.UTF8, "application/json"));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "schedule.canaryTrigger.minImprovement" }));
    }

    [Test]
    public void The_pipeline_has_a_recurring_canary_check()
    {
        var jobs = PipelineApiTests.RecurringJobs(_platform.Factory);

        Assert.That(jobs.Where(j => j.Id == $"pipeline:{TenantId.Default}:rule:canary").Select(j => j.Cron), Is.EqualTo(new[] { "*/15 * * * *" }));
    }

    private Task<PipelineRun?> CheckAsync(string pipeline) => _platform.CheckAsync<PipelineCanaryCheckJob>(pipeline, job => job.CheckAsync);
}
