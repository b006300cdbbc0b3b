using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Pipelines;

/// <summary>
/// Two models trained on one dataset, each the champion of its own pipeline with a quality trigger on live accuracy
/// (threshold 0.9, 20 labelled predictions): both log and predict 40 rows; <c>healthy</c> is told each prediction was
/// right, <c>degraded</c> that each was wrong. The recurring check is called directly, as Hangfire would call it.
/// </summary>
[Category("Slow")]
public class PipelineQualityTriggerTests
{
    private static readonly string TrainingCsv = TestTables.BinaryCsv(200, 5);
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task TrainPredictAndLabelAsync()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        var dataset = await _api.UploadOkAsync("rule.csv", TrainingCsv, "rule");
        var rows = "x1,x2,color\n" + string.Join('\n', TestTables.BinaryCsv(40, 9).Split('\n')[1..].Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',')[..3])));
        foreach (var (model, truthful) in new[] { ("healthy", true), ("degraded", false) })
        {
            var submitted = await _api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = model });
            var job = await _api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(2));
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            await PipelineApiTests.CreateAsync(_api, $$"""
                {"name": "{{model}}", "modelName": "{{model}}", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *",
                 "qualityTrigger": {"metric": "accuracy", "threshold": 0.9, "minLabelled": 20} } }
                """);
            using var switched = await _api.Http.PutAsJsonAsync(new Uri($"/api/models/{model}/prediction-log", UriKind.Relative), new { sampleRate = 1.0, retentionDays = 7 });
            Assert.That(switched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await LabelAsync(model, rows, truthful);
        }
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    /// <summary>Predicts the rows as a batch, then sends as each row's outcome its prediction, or the other class.</summary>
    private async Task LabelAsync(string model, string rows, bool truthful)
    {
        using var response = await _api.Http.PostAsync(new Uri($"/api/predict/{model}/batch", UriKind.Relative), new StringContent(rows, Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var (label, id) = (Array.IndexOf(header, "predictedLabel"), Array.IndexOf(header, "predictionId"));
        var outcomes = new StringBuilder("predictionId,label\n");
        foreach (var fields in lines[1..].Select(l => l.Split(',')))
        {
            outcomes.Append(fields[id]).Append(',').Append(truthful == (fields[label] == "yes") ? "yes" : "no").Append('\n');
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // The log is written off the request path: outcomes for rows not written yet are refused as unknown; send again.
            using var sent = await _api.Http.PostAsync(new Uri($"/api/models/{model}/feedback", UriKind.Relative),
                new StringContent(outcomes.ToString(), Encoding.UTF8, "text/csv"));
            var answer = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
            if ((int)answer["accepted"]! + (int)answer["replaced"]! == 40)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), answer.ToJsonString());
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task A_champion_whose_live_accuracy_fell_below_the_threshold_starts_a_run_recording_why()
    {
        var started = await CheckAsync("degraded");
        var runs = await _api.GetObjectAsync("/api/pipelines/degraded/runs");
        var run = runs["items"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(started?.Trigger, Is.EqualTo(RunTrigger.Quality));
            Assert.That((string?)run["trigger"], Is.EqualTo("quality"));
            Assert.That((string?)run["quality"]!["metric"], Is.EqualTo("accuracy"));
            Assert.That((double)run["quality"]!["value"]!, Is.EqualTo(0));
            Assert.That((double)run["quality"]!["threshold"]!, Is.EqualTo(0.9));
            Assert.That((int)run["quality"]!["labelled"]!, Is.EqualTo(40));
            Assert.That((int)run["quality"]!["championVersion"]!, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_champion_that_was_right_starts_no_run()
    {
        var started = await CheckAsync("healthy");
        var runs = await _api.GetObjectAsync("/api/pipelines/healthy/runs");

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.Null);
            Assert.That(runs["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task The_pipeline_shows_its_trigger_with_the_defaults_and_has_a_recurring_quality_check()
    {
        var pipeline = await _api.GetObjectAsync("/api/pipelines/healthy");
        var trigger = pipeline["schedule"]!["qualityTrigger"]!;
        var jobs = PipelineApiTests.RecurringJobs(_factory);

        Assert.Multiple(() =>
        {
            Assert.That((string?)trigger["window"], Is.EqualTo("1.00:00:00"));
            Assert.That((string?)trigger["checkEvery"], Is.EqualTo("00:15:00"));
            Assert.That(jobs.Where(j => j.Id == $"pipeline:{TenantId.Default}:healthy:quality").Select(j => j.Cron), Is.EqualTo(new[] { "*/15 * * * *" }));
        });
    }

    [TestCase("""{"threshold": 0.9}""", "schedule.qualityTrigger.metric")]
    [TestCase("""{"metric": "precision", "threshold": 0.9}""", "schedule.qualityTrigger.metric")]
    [TestCase("""{"metric": "accuracy"}""", "schedule.qualityTrigger.threshold")]
    [TestCase("""{"metric": "rmse", "threshold": 3, "minLabelled": 0}""", "schedule.qualityTrigger.minLabelled")]
    [TestCase("""{"metric": "rmse", "threshold": 3, "window": "100.00:00:00"}""", "schedule.qualityTrigger.window")]
    [TestCase("""{"metric": "rmse", "threshold": 3, "checkEvery": "00:07:00"}""", "schedule.qualityTrigger.checkEvery")]
    public async Task A_bad_quality_trigger_is_a_400_naming_the_field(string trigger, string field)
    {
        using var response = await _api.Http.PostAsync(new Uri("/api/pipelines", UriKind.Relative), new StringContent($$"""
            {"name": "bad", "modelName": "healthy", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *", "qualityTrigger": {{trigger}} } }
            """, Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
        });
    }

    private async Task<PipelineRun?> CheckAsync(string pipeline)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PipelineQualityCheckJob>().CheckAsync(TenantId.Default.Value, pipeline, CancellationToken.None);
    }
}
