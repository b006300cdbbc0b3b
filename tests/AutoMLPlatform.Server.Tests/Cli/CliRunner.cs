extern alias cli;

using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>Runs the <c>automl</c> command in process against a platform at <paramref name="Url"/>, with no environment but what a test gives.</summary>
public sealed record CliRunner(string Url, string Key)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--url", Url, "--key", Key], stdout, stderr, CancellationToken.None, _ => null);
        return new CliResult(code, Lines(stdout), Lines(stderr));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>What one run of the command did.</summary>
public sealed record CliResult(int ExitCode, string[] Stdout, string[] Stderr)
{
    public override string ToString() => $"exit {ExitCode}; stdout: {string.Join(" | ", Stdout)}; stderr: {string.Join(" | ", Stderr)}";
}
