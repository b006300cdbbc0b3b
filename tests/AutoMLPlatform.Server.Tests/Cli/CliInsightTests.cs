extern alias cli;

using System.Globalization;
using AutoMLPlatform.TestSupport;
using cli::AutoMLPlatform.Cli;
using Microsoft.ML.OnnxRuntime;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary><c>automl report</c> and <c>automl export --onnx</c> against the real server (in process, over its HTTP handler).</summary>
[Category("Slow")]
public class CliInsightTests
{
    private TrainedPlatform _platform = null!;
    private TempDirectory _directory = null!;

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        _platform = await TrainedPlatform.StartAsync();
        _directory = new TempDirectory();
        var dataset = await _platform.Api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await _platform.Api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = "rule", requireOnnx = true });
        await _platform.Api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _directory.Dispose();
        _platform.Dispose();
    }

    [Test]
    public async Task Report_prints_the_metrics_per_class_table_confusion_matrix_and_top_importances()
    {
        var stored = await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1/report");
        var accuracy = ((double)stored["validation"]!["classification"]!["accuracy"]!).ToString("0.0000", CultureInfo.InvariantCulture);
        var topColumn = (string)stored["importance"]!["columns"]![0]!["column"]!;

        var run = await RunAsync("report", "--model", "penguins", "--version", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join(" ", run.Stderr));
            Assert.That(run.Stdout[0], Is.EqualTo("penguins version 1 (multiclass)"));
            Assert.That(run.Stdout, Has.Some.StartsWith("Validation: "));
            Assert.That(run.Stdout, Has.Some.StartsWith($"  accuracy {accuracy}"));
            Assert.That(run.Stdout.Count(l => l.StartsWith("  Gentoo ", StringComparison.Ordinal)), Is.EqualTo(2), "a row of the class table and of the confusion matrix");
            Assert.That(run.Stdout, Has.Some.Contains("confusion matrix"));
            Assert.That(run.Stdout, Has.Some.StartsWith("Feature importance: "));
            Assert.That(run.Stdout, Has.Some.StartsWith($"  {topColumn} "));
        });
    }

    [Test]
    public async Task Export_writes_an_onnx_file_that_onnx_runtime_loads()
    {
        var file = Path.Combine(_directory.Path, "rule.onnx");

        var run = await RunAsync("export", "--onnx", "--model", "rule", "--version", "1", "--out", file);

        using var session = new InferenceSession(file);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join(" ", run.Stderr));
            Assert.That(run.Stdout.Single(), Does.StartWith($"wrote {file} ("));
            Assert.That(session.OutputMetadata.Keys, Does.Contain("PredictedLabel.output"));
        });
    }

    [Test]
    public async Task Exporting_an_unknown_version_is_exit_code_3_with_the_servers_words_and_writes_no_file()
    {
        var file = Path.Combine(_directory.Path, "missing.onnx");

        var run = await RunAsync("export", "--onnx", "--model", "rule", "--version", "9", "--out", file);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: 404").And.Contain("Model 'rule' has no version 9."));
            Assert.That(Directory.GetFiles(_directory.Path, "missing*"), Is.Empty);
        });
    }

    [Test]
    public async Task The_report_of_an_unknown_version_is_exit_code_3_with_the_servers_words()
    {
        var run = await RunAsync("report", "--model", "rule", "--version", "9");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: 404").And.Contain("Model 'rule' has no version 9."));
        });
    }

    [Test]
    public async Task An_unknown_model_is_exit_code_3_with_the_servers_words()
    {
        var run = await RunAsync("report", "--model", "nobody", "--version", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: 404").And.Contain("'nobody'"));
        });
    }

    [Test]
    public async Task An_unreachable_platform_is_exit_code_1_and_writes_no_file()
    {
        var file = Path.Combine(_directory.Path, "unreachable.onnx");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["export", "--onnx", "--model", "rule", "--version", "1", "--out", file, "--url", "http://127.0.0.1:9", "--key", PlatformFactory.AdminKey],
            stdout, stderr, CancellationToken.None, _ => null);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.ToString(), Does.StartWith("automl: cannot reach the platform"));
            Assert.That(File.Exists(file), Is.False);
        });
    }

    private Task<CliResult> RunAsync(params string[] args) => new InProcessCli(_platform.Factory).RunAsync(args);
}
