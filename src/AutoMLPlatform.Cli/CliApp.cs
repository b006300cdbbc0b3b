using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Cli.Admin;
using AutoMLPlatform.Cli.Bench;
using AutoMLPlatform.Cli.Models;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Cli;

/// <summary>
/// The <c>automl</c> command line. Errors are one line on stderr; the exit code is 0 on success, 2 for bad input
/// (usage, unreadable files, unknown columns, data that cannot be learnt from, a request the platform refused), 3 for
/// an audit chain that fails verification, and 1 for anything else (the platform unreachable, say).
/// </summary>
internal static class CliApp
{
    public const string Usage =
        "usage: automl bench --train TRAIN.csv --test TEST.csv --label COLUMN [--task auto|binary|multiclass|regression] --time SECONDS [--seed N]\n" +
        "                    [--tuner costfrugal|random|tpe] [--trainers NAME,NAME...] [--max-trials N] [--no-ensemble]\n" +
        "       automl bench --train DIR --test DIR --time SECONDS [--seed N]   (image folders, one subfolder per class)\n" +
        AdminCommand.Usage + "\n" +
        ModelCommand.Usage;

    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where progress and errors go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="environment">Reads environment variables (tests pass their own); the process environment by default.</param>
    /// <param name="handler">Sends the HTTP requests of the commands that call the platform; a plain socket handler by default.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        Func<string, string?>? environment = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return args switch
            {
                ["bench", .. var rest] => await new BenchCommand(stdout, stderr).RunAsync(BenchOptions.Parse(rest), cancellationToken).ConfigureAwait(false),
                ["audit" or "tenants" or "keys", ..] => await new AdminCommand(stdout, handler)
                    .RunAsync(args, environment ?? Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false),
                ["export" or "report", ..] => await new ModelCommand(stdout, handler)
                    .RunAsync(args, environment ?? Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false),
                [] or ["--help" or "-h" or "help"] => await WriteUsageAsync(stdout).ConfigureAwait(false),
                [var command, ..] => throw new CliUsageException($"Unknown command '{command}'. {Usage.Split('\n')[0]}"),
            };
        }
        catch (AutoMLPlatformException ex) when (ex is not NoSuccessfulTrialException && ex.Kind != ErrorKind.Conflict)
        {
            return await FailAsync(stderr, ex.Message, 2).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return await FailAsync(stderr, $"cannot reach the platform: {ex.Message}", 1).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return await FailAsync(stderr, ex.Message, 2).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(stderr, "cancelled", 1).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The process boundary: whatever else went wrong is reported as one line, exit code 1, never a stack trace.
            return await FailAsync(stderr, $"{ex.GetType().Name}: {ex.Message}", 1).ConfigureAwait(false);
        }
    }

    private static async Task<int> WriteUsageAsync(TextWriter stdout)
    {
        await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message, int code)
    {
        await stderr.WriteLineAsync($"automl: {message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
        return code;
    }
}
