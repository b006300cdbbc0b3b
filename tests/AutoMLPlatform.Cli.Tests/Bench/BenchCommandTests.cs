using System.Text.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Cli.Tests.Bench;

public class BenchCommandTests
{
    private static string Penguins(string file) => RepositoryPaths.SharedDataset("penguins", file);

    [Test]
    [Category("Slow")]
    public async Task A_bench_run_ends_with_one_json_object_scored_on_the_test_file()
    {
        // A trial limit, not the clock, ends the search: the score does not depend on how loaded the machine is.
        var run = await CliRun.RunAsync("bench", "--train", Penguins("train.csv"), "--test", Penguins("test.csv"), "--label", "species", "--time", "120",
            "--max-trials", "6", "--seed", "3");

        using var report = JsonDocument.Parse(run.Stdout[^1]);
        var root = report.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "tool", "task", "metric", "score", "metrics", "trials", "best_trainer", "fit_seconds", "peak_memory_mb",
            }));
            Assert.That(root.GetProperty("tool").GetString(), Is.EqualTo("automlplatform"));
            Assert.That(root.GetProperty("task").GetString(), Is.EqualTo("multiclass"));
            Assert.That(root.GetProperty("metric").GetString(), Is.EqualTo("accuracy"));
            Assert.That(root.GetProperty("score").GetDouble(), Is.GreaterThan(0.9));
            Assert.That(root.GetProperty("metrics").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "accuracy", "macro_f1", "logloss" }));
            Assert.That(run.Stderr, Has.Some.Match(@"\] #1 \w+ "), "progress goes to stderr");
        });
    }

    [Test]
    [Category("Slow")]
    public async Task The_metric_option_is_what_the_search_optimises_and_one_that_does_not_fit_the_task_is_refused()
    {
        var run = await CliRun.RunAsync("bench", "--train", Penguins("train.csv"), "--test", Penguins("test.csv"), "--label", "species", "--time", "60",
            "--max-trials", "2", "--metric", "accuracy");
        var refused = await CliRun.RunAsync("bench", "--train", Penguins("train.csv"), "--test", Penguins("test.csv"), "--label", "species", "--time", "60",
            "--max-trials", "2", "--metric", "rmse");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join('\n', run.Stderr));
            Assert.That(run.Stderr, Has.Some.Match(@"\] #1 \w+ accuracy="), "trials are scored by accuracy, not the default logloss");
            Assert.That(refused.ExitCode, Is.EqualTo(2));
            Assert.That(refused.Stderr, Has.Some.Contains("does not apply to multiclass"));
        });
    }

    [Test]
    [Category("Slow")]
    public async Task A_table_whose_columns_differ_only_in_case_or_carry_the_engine_s_names_benches_like_any_other()
    {
        using var directory = new TempDirectory();
        var train = directory.File("train.csv");
        var test = directory.File("test.csv");
        await File.WriteAllTextAsync(train, AwkwardTables.Csv(AwkwardTables.Names, rows: 400));
        await File.WriteAllTextAsync(test, AwkwardTables.Csv(AwkwardTables.Names, rows: 200, seed: 9));

        var run = await CliRun.RunAsync("bench", "--train", train, "--test", test, "--label", "Label", "--time", "20", "--max-trials", "8");

        Assert.That(run.ExitCode, Is.Zero, string.Join('\n', run.Stderr));
        using var report = JsonDocument.Parse(run.Stdout[^1]);
        Assert.That(report.RootElement.GetProperty("score").GetDouble(), Is.GreaterThan(0.9), "test AUC of a planted rule with 5 % noise");
    }

    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y")]
    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y", "--time", "soon")]
    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y", "--time", "10", "--colour", "red")]
    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y", "--time", "10", "--task", "ranking")]
    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y", "--time", "10", "--tuner", "genetic")]
    [TestCase("bench", "--train", "a.csv", "--test", "b.csv", "--label", "y", "--time", "10", "--metric", "speed")]
    [TestCase("fly")]
    public async Task A_bad_command_line_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Has.Length.EqualTo(1));
            Assert.That(run.Stdout, Is.Empty);
        });
    }

    [Test]
    public async Task A_missing_training_file_is_bad_input()
    {
        var run = await CliRun.RunAsync("bench", "--train", "/nonexistent/train.csv", "--test", Penguins("test.csv"), "--label", "species", "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("/nonexistent/train.csv"));
        });
    }

    [Test]
    public async Task An_unknown_label_column_is_bad_input()
    {
        var run = await CliRun.RunAsync("bench", "--train", Penguins("train.csv"), "--test", Penguins("test.csv"), "--label", "wingspan", "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("wingspan"));
        });
    }

    [Test]
    public async Task A_test_file_without_the_training_columns_is_bad_input()
    {
        using var directory = new TempDirectory();
        var test = directory.File("test.csv");
        await File.WriteAllTextAsync(test, "species,island\nAdelie,Biscoe\n");

        var run = await CliRun.RunAsync("bench", "--train", Penguins("train.csv"), "--test", test, "--label", "species", "--time", "3");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("lacks column"));
        });
    }

    [Test]
    public async Task A_malformed_csv_is_bad_input()
    {
        using var directory = new TempDirectory();
        var train = directory.File("train.csv");
        await File.WriteAllTextAsync(train, "a,b,y\n1,2\n");

        var run = await CliRun.RunAsync("bench", "--train", train, "--test", train, "--label", "y", "--time", "3");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("line 2"));
        });
    }
}
