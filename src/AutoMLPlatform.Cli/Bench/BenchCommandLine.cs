using System.CommandLine;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// <c>automl bench</c> on the command line. Its options are read by <see cref="BenchOptions.Parse"/>, as they always
/// were (the benchmark scripts depend on them), so System.CommandLine passes them through untouched.
/// </summary>
internal static class BenchCommandLine
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Train locally on a CSV (or image folders) within a budget, score a test file; one JSON line on stdout.\n" + CliApp.Usage)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, cancellationToken) =>
            new BenchCommand(context.Out, context.Error).RunAsync(BenchOptions.Parse(result.UnmatchedTokens), cancellationToken));
        return command;
    }
}
