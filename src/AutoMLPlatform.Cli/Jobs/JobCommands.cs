using System.CommandLine;
using System.Globalization;
using AutoMLPlatform.Cli.Datasets;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Jobs;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Jobs;

/// <summary><c>automl jobs submit|watch|cancel|list</c>.</summary>
internal static class JobCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("jobs", "Train models: submit a job, watch it live, cancel it, list jobs.");
        command.Subcommands.Add(Submit(context));
        command.Subcommands.Add(Watch(context));
        command.Subcommands.Add(Cancel(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Submit(CliContext context)
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset to train on: its name or id", Required = true };
        var label = new Option<string>("--label") { Description = "The column to predict", Required = true };
        var budget = new Option<double?>("--budget") { Description = "Seconds the search may take, 1 to 86400 [default: 60]" };
        var model = new Option<string>("--model") { Description = "The model the result becomes a version of [default: the dataset's name]" };
        var task = new Option<string>("--task") { Description = "auto, binary, multiclass, regression, text-classification or image-classification [default: auto]" };
        var metric = new Option<string>("--metric") { Description = "The metric to optimise [default: the task's]" };
        var version = VersionOptions.Create("--dataset-version", "A version of the dataset [default: the newest]");
        var seed = new Option<int?>("--seed") { Description = "Seed for splits and search" };
        var maxTrials = new Option<int?>("--max-trials") { Description = "Stop after this many trials" };
        var onnx = new Option<bool>("--require-onnx") { Description = "Search only what exports to ONNX" };
        var parallelism = new Option<int?>("--parallelism") { Description = "Split the search into N parts run by any free workers (1-7)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the job until it ends (exit code 1 unless it succeeds)" };
        var plain = PlainOption();
        var command = new Command("submit", "Queue a training job on a dataset.")
        {
            dataset, label, budget, model, task, metric, version, seed, maxTrials, onnx, parallelism, watch, plain,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var found = await DatasetLookup.FindAsync(client, result.GetRequiredValue(dataset), cancellationToken).ConfigureAwait(false);
            var request = new JobRequest(found.Id, result.GetRequiredValue(label))
            {
                TimeBudgetSeconds = result.GetValue(budget),
                ModelName = result.GetValue(model),
                Task = result.GetValue(task),
                Metric = result.GetValue(metric),
                DatasetVersion = result.GetValue(version),
                Seed = result.GetValue(seed),
                MaxTrials = result.GetValue(maxTrials),
                RequireOnnx = result.GetValue(onnx) ? true : null,
                Parallelism = result.GetValue(parallelism),
            };
            var job = await client.Jobs.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(FormattableString.Invariant(
                $"submitted job {job.Id}: model {job.ModelName} from {found.Name} version {job.DatasetVersion}, label {job.Label}, budget {job.TimeBudgetSeconds:0} s")).ConfigureAwait(false);
            return result.GetValue(watch)
                ? await JobWatcher.WatchAsync(context, client, job.Id, result.GetValue(plain), cancellationToken).ConfigureAwait(false)
                : ExitCodes.Success;
        });
        return command;
    }

    private static Command Watch(CliContext context)
    {
        var id = JobIdArgument();
        var plain = PlainOption();
        var command = new Command("watch", "Follow a job until it ends: live on a terminal, a line per change otherwise. Exit code 1 unless it succeeds.") { id, plain };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            return await JobWatcher.WatchAsync(context, client, result.GetRequiredValue(id), result.GetValue(plain), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Cancel(CliContext context)
    {
        var id = JobIdArgument();
        var command = new Command("cancel", "Ask a queued or running job to stop; nothing is registered.") { id };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var job = await client.Jobs.CancelAsync(result.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"job {job.Id}: {(job.IsFinished ? JobView.Name(job.Status) : "cancel requested")}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var output = OutputOptions.Create(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("list", "Jobs, newest first.") { output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.Client(result);
            var page = await client.Jobs.ListAsync(0, 500, cancellationToken).ConfigureAwait(false);
            if (OutputOptions.Read(result, output) == OutputFormat.Json)
            {
                await context.WriteJsonAsync(page.Items).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "status", "model", "task", "trials", "best", "seconds", "created");
            foreach (var job in page.Items)
            {
                table.AddRow(job.Id.ToString(), JobView.Name(job.Status), Markup.Escape(job.Model is { } m ? $"{m.ModelName} v{m.Version}" : job.ModelName), job.Task,
                    job.Progress.TrialsDone.ToString(CultureInfo.InvariantCulture),
                    job.Progress.BestScore is { } best ? FormattableString.Invariant($"{job.Metric} {best:0.0000}") : "",
                    job.Progress.ElapsedSeconds.ToString("0", CultureInfo.InvariantCulture), job.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console().Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<JobId> JobIdArgument() => new("JOB_ID")
    {
        Description = "The job's id",
        CustomParser = argument =>
        {
            var text = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "";
            if (JobId.TryParse(text, out var id))
            {
                return id;
            }

            argument.AddError($"'{text}' is not a job id (a GUID).");
            return default;
        },
    };

    private static Option<bool> PlainOption() => new("--plain") { Description = "One line per change instead of the live display, even on a terminal" };
}
