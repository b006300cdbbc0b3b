using System.CommandLine;
using System.CommandLine.Help;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Cli.Admin;
using AutoMLPlatform.Cli.Bench;
using AutoMLPlatform.Cli.Datasets;
using AutoMLPlatform.Cli.Feedback;
using AutoMLPlatform.Cli.Jobs;
using AutoMLPlatform.Cli.Models;
using AutoMLPlatform.Cli.Predict;
using AutoMLPlatform.Core.Common;
using PlatformAnswer = AutoMLPlatform.Client.AutoMLPlatformException;

namespace AutoMLPlatform.Cli;

/// <summary>
/// The <c>automl</c> command line (System.CommandLine): <c>bench</c> trains locally; <c>datasets</c>, <c>jobs</c>,
/// <c>models</c>, <c>predict</c>, <c>audit</c>, <c>tenants</c>, <c>keys</c> call the platform through
/// AutoMLPlatform.Client. Errors are one line on stderr; exit codes are <see cref="ExitCodes"/>.
/// </summary>
internal static class CliApp
{
    /// <summary>The usage of <c>bench</c>, whose own parser (<see cref="BenchOptions"/>) quotes its first line in its errors.</summary>
    public const string Usage =
        "usage: automl bench --train TRAIN.csv --test TEST.csv --label COLUMN [--task auto|binary|multiclass|regression|text-classification] --time SECONDS\n" +
        "                    [--seed N] [--tuner costfrugal|random|tpe] [--trainers NAME,NAME...] [--max-trials N] [--metric NAME] [--no-ensemble] [--no-pretrained]\n" +
        "       automl bench --train DIR --test DIR [--task image-classification] --time SECONDS [--seed N]   (image folders, one subfolder per class)";

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
        environment ??= Environment.GetEnvironmentVariable;
        var context = new CliContext(stdout, stderr, IsTerminal(stdout, environment), environment, handler);
        var root = Build(context);
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            var command = string.Join(" ", Path(parsed.CommandResult.Command));
            return await FailAsync(stderr, $"{parsed.Errors[0].Message} (see: {command} --help)", ExitCodes.Usage).ConfigureAwait(false);
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (PlatformAnswer ex)
        {
            return await FailAsync(stderr, ex.Message, ex.IsRefusal ? ExitCodes.Refused : ExitCodes.Failure).ConfigureAwait(false);
        }
        catch (AutoMLPlatformException ex) when (ex is not NoSuccessfulTrialException && ex.Kind != ErrorKind.Conflict)
        {
            return await FailAsync(stderr, ex.Message, ExitCodes.Usage).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return await FailAsync(stderr, $"cannot reach the platform: {ex.Message}", ExitCodes.Failure).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return await FailAsync(stderr, ex.Message, ExitCodes.Usage).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(stderr, "cancelled", ExitCodes.Failure).ConfigureAwait(false);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            return await FailAsync(stderr, $"the platform did not answer in time: {ex.Message}", ExitCodes.Failure).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The process boundary: whatever else went wrong is reported as one line, exit code 1, never a stack trace.
            return await FailAsync(stderr, $"{ex.GetType().Name}: {ex.Message}", ExitCodes.Failure).ConfigureAwait(false);
        }
    }

    private static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "automl: the AutoMLPlatform command line. Connection: --url/--key, else AUTOMLPLATFORM_URL/AUTOMLPLATFORM_KEY, else a profile of " +
            "~/.config/automl/config.json (--profile, AUTOMLPLATFORM_PROFILE), else http://127.0.0.1:5000 and data/secrets/bootstrap.key. " +
            "Exit codes: 0 done, 1 failed (unreachable, 5xx, job failed or cancelled), 2 bad command line or local file, 3 refused by the platform (4xx), " +
            "4 audit chain broken.")
        {
            context.Url,
            context.Key,
            context.Profile,
        };
        root.Subcommands.Add(DatasetCommands.Create(context));
        root.Subcommands.Add(JobCommands.Create(context));
        root.Subcommands.Add(ModelCommands.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(FeedbackCommands.Create(context));
        root.Subcommands.Add(BenchCommandLine.Create(context));
        foreach (var admin in AdminCommands.Create(context))
        {
            root.Subcommands.Add(admin);
        }

        // The older top-level forms, as the README and scripts wrote them: automl report …, automl export --onnx ….
        root.Subcommands.Add(Older(ModelCommands.Report(context, "report"), "models report"));
        root.Subcommands.Add(Older(ModelCommands.Export(context, "export", requireOnnx: true), "models export"));
        return root;
    }

    private static Command Older(Command command, string newer)
    {
        command.Description = $"The older form of '{newer}' (kept for scripts). {command.Description}";
        return command;
    }

    /// <summary>Live displays need a real terminal: stdout is the console, not redirected, and TERM is not "dumb".</summary>
    private static bool IsTerminal(TextWriter stdout, Func<string, string?> environment) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && environment("TERM") is not (null or "" or "dumb");

    private static IEnumerable<string> Path(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Push(symbol is RootCommand ? "automl" : symbol.Name);
        }

        return names;
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message, int code)
    {
        await stderr.WriteLineAsync($"automl: {string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}").ConfigureAwait(false);
        return code;
    }
}
