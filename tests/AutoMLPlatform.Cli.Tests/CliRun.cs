namespace AutoMLPlatform.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string[] Stdout, string[] Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CliRun(code, Lines(stdout), Lines(stderr));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
