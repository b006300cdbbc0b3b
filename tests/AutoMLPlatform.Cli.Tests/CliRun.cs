namespace AutoMLPlatform.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string[] Stdout, string[] Stderr)
{
    /// <summary>Runs with no environment at all (no AUTOMLPLATFORM_* variable, no profile file), so only the arguments count.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(_ => null, args);

    public static async Task<CliRun> RunAsync(Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None, environment);
        return new CliRun(code, Lines(stdout), Lines(stderr));
    }

    /// <summary>
    /// Runs a command line with a URL where nothing listens and asserts it was refused before calling the platform:
    /// exit code 2, nothing on stdout, one <c>automl: </c> line on stderr that is not "cannot reach".
    /// </summary>
    public static async Task AssertRefusedAsync(params string[] args)
    {
        var run = await RunAsync([.. args, "--url", "http://127.0.0.1:9", "--key", "unused"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Has.Length.EqualTo(1));
            Assert.That(run.Stderr[0], Does.StartWith("automl: ").And.Not.Contains("cannot reach"));
        });
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
