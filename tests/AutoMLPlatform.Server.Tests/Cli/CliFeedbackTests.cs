extern alias cli;

using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>
/// The feedback loop with <c>automl feedback</c> against the real server (in process, over its HTTP handler): the log
/// switched on, CSV predictions with ids, outcomes sent from a CSV file (one of them refused), live quality, and a
/// dataset of what production saw.
/// </summary>
[Category("Slow")]
public class CliFeedbackTests
{
    private PlatformFactory _factory = null!;
    private TempDirectory _directory = null!;
    private CliResult _switched = null!;
    private string[] _ids = null!;

    [OneTimeSetUp]
    public async Task TrainAndPredictAsync()
    {
        _factory = new PlatformFactory();
        _directory = new TempDirectory();
        using var api = _factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = "rule" });
        await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        _switched = await RunAsync("feedback", "log", "--model", "rule", "--sample-rate", "1");
        var rows = _directory.File("rows.csv");
        await File.WriteAllTextAsync(rows, "id,x1,x2,color\na,0.9,0.5,red\nb,0.8,0.4,red\nc,-0.9,-0.5,blue\nd,-0.8,-0.4,blue\n");
        var predicted = await RunAsync("predict", "--model", "rule", "--file", rows, "--output", "csv", "--id", "id");
        var header = predicted.Stdout[0].Split(',');
        _ids = predicted.Stdout[1..].Select(l => l.Split(',')[Array.IndexOf(header, "predictionId")]).ToArray();
        await WaitUntilLoggedAsync(_ids.Length);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _directory.Dispose();
        _factory.Dispose();
    }

    private async Task WaitUntilLoggedAsync(int rows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await RunAsync("feedback", "quality", "--model", "rule", "--version", "1", "--output", "json");
            if (run.ExitCode == 0 && (int)JsonNode.Parse(string.Join("", run.Stdout))!["total"]!["predictions"]! >= rows)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the logged rows were not written in time: {run}");
            await Task.Delay(100);
        }
    }

    [Test]
    public void Switching_the_log_on_prints_the_settings_and_csv_predictions_carry_an_id_per_row()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_switched.ExitCode, Is.Zero, _switched.ToString());
            Assert.That(_switched.Stdout.Single(), Is.EqualTo("rule: logging 1 of predicted rows, kept 30 days"));
            Assert.That(_ids, Has.Length.EqualTo(4).And.All.Match("^[0-9a-f-]{36}$"));
        });
    }

    [Test]
    public async Task Outcomes_from_a_file_are_stored_and_a_refused_row_is_listed_with_exit_code_3()
    {
        var outcomes = _directory.File("outcomes.csv");
        await File.WriteAllTextAsync(outcomes, $"predictionId,label\n{_ids[0]},yes\n{_ids[1]},no\n{_ids[2]},maybe\n{_ids[3]},no\n");

        var run = await RunAsync("feedback", "send", "--model", "rule", "--file", outcomes);
        var quality = await RunAsync("feedback", "quality", "--model", "rule", "--version", "1");
        var dataset = await RunAsync("feedback", "dataset", "--model", "rule", "--version", "1", "--dataset", "rule-live");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused), run.ToString());
            Assert.That(run.Stdout[0], Is.EqualTo("3 accepted, 0 replaced, 1 refused"));
            Assert.That(run.Stdout[1], Does.StartWith($"row 3 ({_ids[2]}): 400 unknown-class: "));
            Assert.That(run.Stderr.Single(), Is.EqualTo("automl: 1 of 4 outcomes were refused (the first ones are listed above); the others are stored"));
            Assert.That(quality.ExitCode, Is.Zero, quality.ToString());
            Assert.That(quality.Stdout, Has.Some.Match(@"│ total\s+│ 4\s+│ 3\s+│ 0\.75\s+│"));
            Assert.That(quality.Stdout, Has.Some.Contains("accuracy"));
            Assert.That(dataset.ExitCode, Is.Zero, dataset.ToString());
            Assert.That(dataset.Stdout.Single(), Does.StartWith("rule-live version 1: 3 rows from the outcomes of rule version 1 ("));
        });
    }

    [TestCase("feedback", "quality", "--model", "nobody", "--version", "1")]
    [TestCase("feedback", "log", "--model", "rule", "--sample-rate", "2")]
    public async Task What_the_platform_refuses_is_exit_code_3(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused), run.ToString());
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: "));
        });
    }

    private Task<CliResult> RunAsync(params string[] args) => new InProcessCli(_factory).RunAsync(args);
}
