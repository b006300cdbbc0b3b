using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;

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
    private PipelineTriggerPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainPredictAndLabelAsync()
    {
        _platform = await PipelineTriggerPlatform.StartAsync(TrainingCsv);
        var rows = "x1,x2,color\n" + string.Join('\n', TestTables.BinaryCsv(40, 9).Split('\n')[1..].Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',')[..3])));
        foreach (var (model, truthful) in new[] { ("healthy", true), ("degraded", false) })
        {
            await _platform.TrainAsync(model);
            await _platform.CreatePipelineAsync(model, model, "qualityTrigger", """{"metric": "accuracy", "threshold": 0.9, "minLabelled": 20}""");
            await _platform.LogEveryPredictionAsync(model);
            await LabelAsync(model, rows, truthful);
        }
    }

    [OneTimeTearDown]
    public void Stop() => _platform?.Dispose();

    /// <summary>Predicts the rows as a batch, then sends as each row's outcome its prediction, or the other class.</summary>
    private async Task LabelAsync(string model, string rows, bool truthful)
    {
        var lines = await _platform.PredictBatchAsync(model, rows);
        var header = lines[0].Split(',');
        var (label, id) = (Array.IndexOf(header, "predictedLabel"), Array.IndexOf(header, "predictionId"));
        var outcomes = new StringBuilder("predictionId,label\n");
        foreach (var fields in lines[1..].Select(l => l.Split(',')))
        {
            outcomes.Append(fields[id]).Append(',').Append(truthful == (fields[label] == "yes") ? "yes" : "no").Append('\n');
        }

        await _platform.SendFeedbackAsync(model, () => new StringContent(outcomes.ToString(), Encoding.UTF8, "text/csv"), count: 40);
    }

    [Test]
    public async Task A_champion_whose_live_accuracy_fell_below_the_threshold_starts_a_run_recording_why()
    {
        var started = await CheckAsync("degraded");
        var runs = await _platform.Api.GetObjectAsync("/api/pipelines/degraded/runs");
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
        var runs = await _platform.Api.GetObjectAsync("/api/pipelines/healthy/runs");

        Assert.Multiple(() =>
        {
            Assert.That(started, Is.Null);
            Assert.That(runs["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task The_pipeline_shows_its_trigger_with_the_defaults_and_has_a_recurring_quality_check()
    {
        var pipeline = await _platform.Api.GetObjectAsync("/api/pipelines/healthy");
        var trigger = pipeline["schedule"]!["qualityTrigger"]!;
        var jobs = PipelineApiTests.RecurringJobs(_platform.Factory);

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
        using var response = await _platform.Api.Http.PostAsync(new Uri("/api/pipelines", UriKind.Relative), new StringContent($$"""
            {"name": "bad", "modelName": "healthy", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *", "qualityTrigger": {{trigger}} } }
            """, Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
        });
    }

    private Task<PipelineRun?> CheckAsync(string pipeline) => _platform.CheckAsync<PipelineQualityCheckJob>(pipeline, job => job.CheckAsync);
}
