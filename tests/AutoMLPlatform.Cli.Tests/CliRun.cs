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

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
