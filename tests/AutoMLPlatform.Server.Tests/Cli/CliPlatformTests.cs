extern alias cli;

using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>
/// The product's main path with the <c>automl</c> command against a running platform (a child process over loopback
/// HTTP): upload, train and watch, predict, promote and roll back; and the platform's refusals as exit code 3.
/// </summary>
[Category("Slow")]
public class CliPlatformTests
{
    private TempDirectory _directory = null!;
    private ServerProcess _server = null!;
    private CliRunner _cli = null!;
    private CliResult _upload = null!;
    private CliResult _training = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _directory = new TempDirectory();
        _server = await ServerProcess.StartAsync(_directory.Path, new Dictionary<string, string>());
        _cli = new CliRunner($"http://127.0.0.1:{_server.Port}", PlatformFactory.AdminKey);
        var table = _directory.File("rule.csv");
        await File.WriteAllTextAsync(table, TestTables.BinaryCsv(200));
        await File.WriteAllTextAsync(_directory.File("rows.csv"), "id,x1,x2,color\na,0.9,0.5,red\nb,-0.9,-0.5,blue\n");
        _upload = await _cli.RunAsync("datasets", "upload", table, "--name", "rule");
        _training = await _cli.RunAsync("jobs", "submit", "--dataset", "rule", "--label", "y", "--budget", "60", "--model", "rule", "--max-trials", "1",
            "--require-onnx", "--watch");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Dispose();
        _directory.Dispose();
    }

    [Test]
    public async Task An_uploaded_file_is_listed_and_shown_with_its_schema()
    {
        var list = await _cli.RunAsync("datasets", "list", "--output", "json");
        var show = await _cli.RunAsync("datasets", "show", "rule");

        Assert.Multiple(() =>
        {
            Assert.That(_upload.ExitCode, Is.Zero, _upload.ToString());
            Assert.That(_upload.Stdout[0], Does.StartWith("rule version 1: 200 rows, 4 columns"));
            Assert.That(JsonNode.Parse(list.Stdout.Single())!.AsArray().Select(d => (string?)d!["name"]), Does.Contain("rule"));
            Assert.That(show.ExitCode, Is.Zero, show.ToString());
            Assert.That(show.Stdout, Has.Some.Match(@"│ x1\s+│ numeric\s+│"));
        });
    }

    [Test]
    public async Task Submit_with_watch_prints_a_line_per_change_then_the_model_version_and_the_job_is_listed()
    {
        var jobs = await _cli.RunAsync("jobs", "list", "--output", "json");

        Assert.Multiple(() =>
        {
            Assert.That(_training.ExitCode, Is.Zero, _training.ToString());
            Assert.That(_training.Stdout[0], Does.Match("^submitted job [0-9a-f-]{36}: model rule from rule version 1, label y, budget 60 s$"));
            Assert.That(_training.Stdout[1..^1], Is.All.Match(@"^\[ *\d+\.\ds/60s\] (queued|running|succeeded) \w+: \d+ trials"), "plain lines when stdout is not a terminal");
            Assert.That(_training.Stdout[^1], Does.Match(@"^job [0-9a-f-]{36} succeeded: model rule version 1 \(\w+, \w+ [0-9.]+\)$"));
            Assert.That(JsonNode.Parse(jobs.Stdout.Single())!.AsArray().Select(j => (string?)j!["status"]), Has.Member("succeeded"));
        });
    }

    [Test]
    public async Task Predict_reads_csv_rows_and_prints_csv_a_table_or_json()
    {
        var rows = _directory.File("rows.csv");

        var csv = await _cli.RunAsync("predict", "--model", "rule", "--file", rows, "--output", "csv", "--id", "id");
        var table = await _cli.RunAsync("predict", "--model", "rule", "--file", rows);
        var json = await _cli.RunAsync("predict", "--model", "rule", "--file", rows, "--output", "json");

        Assert.Multiple(() =>
        {
            Assert.That(csv.ExitCode, Is.Zero, csv.ToString());
            Assert.That(csv.Stdout[0], Does.StartWith("id,").And.Contain("predictedLabel"));
            Assert.That(csv.Stdout[1..].Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(table.Stdout, Has.Some.Contains("predictedLabel"));
            Assert.That(table.Stdout.Count(l => l.StartsWith("│ a ", StringComparison.Ordinal) || l.StartsWith("│ b ", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(JsonNode.Parse(string.Join("", json.Stdout))!.AsArray().Select(r => (double?)r!["x1"]), Is.EqualTo(new double?[] { 0.9, -0.9 }));
        });
    }

    [Test]
    public async Task Predict_reads_inline_json_and_prints_the_platforms_answer()
    {
        var run = await _cli.RunAsync("predict", "--model", "rule", "--json", """{"x1": 0.9, "x2": 0.5, "color": "red"}""", "--output", "json");

        var answer = JsonNode.Parse(string.Join("", run.Stdout))!;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That((string?)answer["predictedLabel"], Is.EqualTo("yes"));
            Assert.That((int?)answer["version"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_second_version_is_promoted_then_rolled_back_and_the_registry_shows_it()
    {
        var submitted = await _cli.RunAsync("jobs", "submit", "--dataset", "rule", "--label", "y", "--budget", "60", "--model", "promoted", "--max-trials", "1");
        var jobId = submitted.Stdout[0].Split(' ')[2].TrimEnd(':');
        var watched = await _cli.RunAsync("jobs", "watch", jobId);
        await _cli.RunAsync("jobs", "watch", (await _cli.RunAsync("jobs", "submit", "--dataset", "rule", "--label", "y", "--budget", "60", "--model", "promoted",
            "--max-trials", "1", "--seed", "5")).Stdout[0].Split(' ')[2].TrimEnd(':'));

        var promote = await _cli.RunAsync("models", "promote", "--model", "promoted", "--version", "2");
        var rollback = await _cli.RunAsync("models", "rollback", "--model", "promoted");
        var versions = await _cli.RunAsync("models", "versions", "--model", "promoted", "--output", "json");
        var models = await _cli.RunAsync("models", "list");

        Assert.Multiple(() =>
        {
            Assert.That(watched.ExitCode, Is.Zero, watched.ToString());
            Assert.That(promote.Stdout.Single(), Is.EqualTo("promoted production: version 1 -> 2"));
            Assert.That(rollback.Stdout.Single(), Is.EqualTo("promoted production: version 2 -> 1"));
            Assert.That(JsonNode.Parse(versions.Stdout.Single())!.AsArray().Select(v => (int?)v!["version"]), Is.EqualTo(new int?[] { 2, 1 }));
            Assert.That(models.Stdout, Has.Some.Contains("promoted").And.Some.Contains("production -> v1"));
        });
    }

    [Test]
    public async Task Report_and_export_work_under_models_as_at_the_top_level()
    {
        var file = _directory.File("rule.onnx");

        var report = await _cli.RunAsync("models", "report", "--model", "rule", "--version", "1");
        var export = await _cli.RunAsync("models", "export", "--model", "rule", "--version", "1", "--out", file);

        Assert.Multiple(() =>
        {
            Assert.That(report.Stdout[0], Is.EqualTo("rule version 1 (binary)"));
            Assert.That(export.ExitCode, Is.Zero, export.ToString());
            Assert.That(new FileInfo(file).Length, Is.GreaterThan(100));
        });
    }

    [Test]
    public async Task A_cancelled_job_is_watched_to_its_end_with_exit_code_1()
    {
        var submitted = await _cli.RunAsync("jobs", "submit", "--dataset", "rule", "--label", "y", "--budget", "600", "--model", "abandoned");
        var jobId = submitted.Stdout[0].Split(' ')[2].TrimEnd(':');

        var cancel = await _cli.RunAsync("jobs", "cancel", jobId);
        var watch = await _cli.RunAsync("jobs", "watch", jobId);

        Assert.Multiple(() =>
        {
            Assert.That(cancel.ExitCode, Is.Zero, cancel.ToString());
            Assert.That(watch.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(watch.Stdout[^1], Is.EqualTo($"job {jobId} cancelled"));
        });
    }

    [TestCase("jobs", "submit", "--dataset", "no-such-dataset", "--label", "y")]
    [TestCase("jobs", "submit", "--dataset", "rule", "--label", "no-such-column")]
    [TestCase("models", "promote", "--model", "rule", "--version", "9")]
    [TestCase("models", "rollback", "--model", "rule", "--alias", "never-moved")]
    [TestCase("predict", "--model", "no-such-model", "--json", "{}")]
    [TestCase("jobs", "watch", "00000000-0000-0000-0000-000000000009")]
    [TestCase("datasets", "show", "no-such-dataset")]
    public async Task What_the_platform_refuses_is_one_line_with_its_words_and_exit_code_3(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused), run.ToString());
            Assert.That(run.Stderr.Single(), Does.Match(@"^automl: 4\d\d: .+\[[a-z-]+\]$"));
        });
    }

    [Test]
    public async Task A_wrong_key_is_exit_code_3_and_an_unreachable_platform_exit_code_1()
    {
        var wrongKey = await new CliRunner(_cli.Url, "not-a-key-of-this-platform-0123456789abcdef").RunAsync("datasets", "list");
        var unreachable = await new CliRunner("http://127.0.0.1:9", PlatformFactory.AdminKey).RunAsync("datasets", "list");

        Assert.Multiple(() =>
        {
            Assert.That(wrongKey.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(wrongKey.Stderr.Single(), Does.StartWith("automl: 401"));
            Assert.That(unreachable.ExitCode, Is.EqualTo(ExitCodes.Failure));
        });
    }
}
