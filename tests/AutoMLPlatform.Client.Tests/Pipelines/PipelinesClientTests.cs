using System.Net;
using System.Text.Json;
using AutoMLPlatform.Client.Pipelines;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests.Pipelines;

[Category("Slow")]
public class PipelinesClientTests
{
    private PlatformHost _host = null!;
    private AutoMLPlatformClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = new PlatformHost();
        _client = _host.Client();
        await _client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(200)), "pipe.csv");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task A_pipeline_is_created_read_listed_replaced_and_deleted()
    {
        var created = await _client.Pipelines.CreateAsync(Definition("edited", budget: 10));

        var read = await _client.Pipelines.GetAsync("edited");
        var listed = await _client.Pipelines.ListAsync();
        var replaced = await _client.Pipelines.ReplaceAsync("edited", Definition("edited", budget: 20));
        await _client.Pipelines.DeleteAsync("edited");
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Pipelines.GetAsync("edited"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Schedule.GetProperty("cron").GetString(), Is.EqualTo("0 3 * * *"));
            Assert.That(read.TimeBudgetSeconds, Is.EqualTo(10));
            Assert.That(listed.Items.Select(p => p.Name), Does.Contain("edited"));
            Assert.That(replaced.TimeBudgetSeconds, Is.EqualTo(20));
            Assert.That((error!.Status, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "pipeline-not-found")));
        });
    }

    [Test]
    public async Task Running_a_pipeline_answers_its_run_which_is_then_read_and_listed()
    {
        await _client.Pipelines.CreateAsync(Definition("runnable", budget: 5));

        var run = await _client.Pipelines.RunAsync("runnable");
        var read = await _client.Pipelines.GetRunAsync("runnable", run.Id);
        var runs = await _client.Pipelines.ListRunsAsync("runnable");

        Assert.Multiple(() =>
        {
            Assert.That(run.Trigger, Is.EqualTo("manual"));
            Assert.That(read.Id, Is.EqualTo(run.Id));
            Assert.That(runs.Items.Select(r => r.Id), Does.Contain(run.Id));
        });
    }

    [Test]
    public async Task A_cancelled_run_ends_cancelled_and_cancelling_it_again_is_a_conflict()
    {
        await _client.Pipelines.CreateAsync(Definition("cancelled", budget: 60));
        var run = await _client.Pipelines.RunAsync("cancelled");

        var answered = await _client.Pipelines.CancelRunAsync("cancelled", run.Id);
        var ended = await WaitForEndAsync("cancelled", run.Id);
        var again = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Pipelines.CancelRunAsync("cancelled", run.Id));

        Assert.Multiple(() =>
        {
            Assert.That(answered.Id, Is.EqualTo(run.Id));
            Assert.That(ended.Status, Is.EqualTo("cancelled"));
            Assert.That(again!.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(again.ErrorCode, Is.EqualTo("pipeline-run-finished"));
        });
    }

    [Test]
    public void A_definition_without_a_label_is_refused_400()
    {
        using var document = JsonDocument.Parse("""{"name": "broken", "dataset": "pipe"}""");

        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => _client.Pipelines.CreateAsync(document.RootElement));

        Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<PipelineRun> WaitForEndAsync(string name, PipelineRunId id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        PipelineRun run;
        while ((run = await _client.Pipelines.GetRunAsync(name, id, timeout.Token)).Status is "queued" or "running")
        {
            await Task.Delay(100, timeout.Token);
        }

        return run;
    }

    private static JsonElement Definition(string name, int budget) => JsonSerializer.SerializeToElement(new
    {
        name,
        dataset = "pipe",
        label = "y",
        timeBudgetSeconds = budget,
        maxTrials = 1,
        modelName = name,
        schedule = new { cron = "0 3 * * *", timeZone = "UTC" },
    });
}
