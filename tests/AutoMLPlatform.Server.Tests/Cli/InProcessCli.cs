extern alias cli;

using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>Runs the <c>automl</c> command in process against a <see cref="PlatformFactory"/>'s server, over its HTTP handler, with the admin key.</summary>
public sealed class InProcessCli(PlatformFactory factory)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var handler = factory.Server.CreateHandler();
        var code = await CliApp.RunAsync([.. args, "--url", "http://localhost", "--key", PlatformFactory.AdminKey], stdout, stderr, CancellationToken.None, _ => null, handler);
        return new CliResult(code, Lines(stdout), Lines(stderr));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
