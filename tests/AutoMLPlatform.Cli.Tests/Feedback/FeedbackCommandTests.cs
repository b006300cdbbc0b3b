namespace AutoMLPlatform.Cli.Tests.Feedback;

/// <summary>Command lines of the feedback commands that are refused before calling the platform: one line on stderr, exit code 2.</summary>
public class FeedbackCommandTests
{
    [TestCase("feedback", "log")]
    [TestCase("feedback", "log", "--model", "credit", "--sample-rate", "half")]
    [TestCase("feedback", "send", "--model", "credit")]
    [TestCase("feedback", "send", "--model", "credit", "--file", "/nonexistent/outcomes.csv")]
    [TestCase("feedback", "quality", "--model", "credit")]
    [TestCase("feedback", "quality", "--model", "credit", "--version", "1", "--window", "week")]
    [TestCase("feedback", "quality", "--model", "credit", "--version", "1", "--from", "yesterday")]
    [TestCase("feedback", "dataset", "--model", "credit", "--version", "1")]
    public async Task A_bad_command_line_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        await CliRun.AssertRefusedAsync(args);
    }

    [Test]
    public async Task The_help_of_feedback_lists_every_subcommand()
    {
        var run = await CliRun.RunAsync("feedback", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Stdout.Select(l => l.Trim().Split(' ')[0]), Is.SupersetOf(new[] { "log", "send", "quality", "dataset" }));
        });
    }
}
