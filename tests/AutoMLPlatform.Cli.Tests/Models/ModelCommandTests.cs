namespace AutoMLPlatform.Cli.Tests.Models;

/// <summary>Command lines of the model commands that are refused before calling the platform: one line on stderr, exit code 2.</summary>
public class ModelCommandTests
{
    [TestCase("report", "--version", "1")]
    [TestCase("report", "--model", "credit")]
    [TestCase("report", "--model", "credit", "--version", "one")]
    [TestCase("report", "--model", "credit", "--version", "0")]
    [TestCase("report", "--model", "credit", "--version", "1", "--out", "x.onnx")]
    [TestCase("report", "--model")]
    [TestCase("export", "--model", "credit", "--version", "1", "--out", "x.onnx")]
    [TestCase("export", "--onnx", "--model", "credit", "--version", "1")]
    [TestCase("export", "--onnx", "--model", "credit", "--version", "-2", "--out", "x.onnx")]
    [TestCase("models", "promote", "--model", "credit", "--version", "x")]
    [TestCase("models", "promote", "--version", "2")]
    [TestCase("models", "rollback")]
    [TestCase("models", "export", "--model", "credit", "--version", "1")]
    [TestCase("models", "versions")]
    [TestCase("models", "retrain", "--model", "credit")]
    [TestCase("models", "split", "--model", "credit", "--version", "1")]
    [TestCase("models", "split", "--model", "credit", "--version", "1", "--canary", "2")]
    [TestCase("models", "split", "--model", "credit", "--version", "1", "--percent", "10")]
    [TestCase("models", "split", "--model", "credit", "--version", "1", "--shadow", "zero")]
    [TestCase("models", "promote-canary")]
    [TestCase("models", "clear-split", "--alias", "production")]
    public async Task A_bad_command_line_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        await CliRun.AssertRefusedAsync(args);
    }

    [Test]
    public async Task The_help_of_models_lists_every_subcommand()
    {
        var run = await CliRun.RunAsync("models", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Stdout.Select(l => l.Trim().Split(' ')[0]), Is.SupersetOf(new[] { "list", "versions", "promote", "rollback", "report", "export", "alias", "split", "promote-canary", "clear-split" }));
        });
    }
}
