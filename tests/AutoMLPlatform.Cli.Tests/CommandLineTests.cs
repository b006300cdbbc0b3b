namespace AutoMLPlatform.Cli.Tests;

/// <summary>The command line as a whole: help on every command, and bad flags refused before any call, one line and exit code 2.</summary>
public class CommandLineTests
{
    private static readonly string[][] Commands =
    [
        [], ["datasets"], ["datasets", "upload"], ["datasets", "list"], ["datasets", "show"],
        ["jobs"], ["jobs", "submit"], ["jobs", "watch"], ["jobs", "cancel"], ["jobs", "list"],
        ["models"], ["models", "list"], ["models", "versions"], ["models", "promote"], ["models", "rollback"], ["models", "report"], ["models", "export"],
        ["predict"], ["bench"], ["audit"], ["audit", "verify"], ["audit", "list"], ["tenants"], ["tenants", "list"], ["tenants", "create"],
        ["keys"], ["keys", "list"], ["keys", "create"], ["keys", "revoke"], ["report"], ["export"],
    ];

    [TestCaseSource(nameof(Commands))]
    public async Task Every_command_has_help_that_exits_zero(string[] command)
    {
        var run = await CliRun.RunAsync([.. command, "--help"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join(" ", run.Stderr));
            Assert.That(run.Stdout, Has.Some.StartsWith("Usage:"));
            Assert.That(run.Stdout, Has.Some.StartsWith("Description:"));
        });
    }

    [TestCase("jobs", "submit", "--dataset", "credit")]
    [TestCase("jobs", "submit", "--dataset", "credit", "--label", "Status", "--budget", "soon")]
    [TestCase("jobs", "submit", "--dataset", "credit", "--label", "Status", "--dataset-version", "0")]
    [TestCase("jobs", "watch", "not-a-job-id")]
    [TestCase("jobs", "watch")]
    [TestCase("jobs", "cancel", "123")]
    [TestCase("jobs", "sbumit")]
    [TestCase("predict", "--model", "credit")]
    [TestCase("predict", "--model", "credit", "--json", "{}", "--output", "xml")]
    [TestCase("predict", "--model", "credit", "--json", "{}", "--file", "rows.csv")]
    [TestCase("predict", "--model", "credit", "--json", "{\"x1\": ")]
    [TestCase("predict", "--json", "{}")]
    [TestCase("datasets", "upload", "/nonexistent/table.csv")]
    [TestCase("datasets", "upload")]
    [TestCase("datasets", "show")]
    [TestCase("datasets", "list", "--output", "csv")]
    [TestCase("keys", "revoke", "not-a-key-id")]
    [TestCase("frobnicate")]
    [TestCase("models", "list", "--url", "ftp://example")]
    [TestCase("models", "list", "--profile", "nobody")]
    public async Task A_bad_command_line_is_refused_with_one_line_and_exit_code_2(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--key", "unused", "--url", "http://127.0.0.1:9"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), string.Join(" ", run.Stderr));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Has.Length.EqualTo(1));
            Assert.That(run.Stderr[0], Does.StartWith("automl: ").And.Not.Contains("cannot reach"));
        });
    }

    [Test]
    public async Task An_unreachable_platform_is_exit_code_1()
    {
        var run = await CliRun.RunAsync("datasets", "list", "--url", "http://127.0.0.1:9", "--key", "unused");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.Single(), Does.StartWith("automl: cannot reach the platform"));
        });
    }
}
